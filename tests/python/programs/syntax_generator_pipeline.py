def read_lines(text):
    for line in text.splitlines():
        yield line

def non_empty(lines):
    return (l for l in lines if l.strip())

def parse(lines):
    for l in lines:
        name, _, value = l.partition("=")
        yield name.strip(), int(value)

def running_total(pairs):
    total = 0
    for name, value in pairs:
        total += value
        yield name, total

config = """
a = 1

b = 20
c = 300
"""
for name, total in running_total(parse(non_empty(read_lines(config)))):
    print(name, total)

def take(n, it):
    for _ in range(n):
        yield next(it)

def naturals():
    n = 0
    while True:
        yield n
        n += 1

print(list(take(5, (x * x for x in naturals() if x % 2))))
