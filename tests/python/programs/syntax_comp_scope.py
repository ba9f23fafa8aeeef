class Config:
    base = 10
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
    try:
        shifted = [v + base for v in values]
    except NameError as e:
        shifted = str(e)

print(Config.doubled)
print(Config.shifted)

def make():
    k = 3
    return [lambda: k * i for i in range(3)]

print([f() for f in make()])
funcs = [(lambda i=i: i) for i in range(3)]
print([f() for f in funcs])
n = 5
print([n for _ in range(2)])
print(sum(i for i in range(n)))
print({i: j for i, j in enumerate("ab")})
