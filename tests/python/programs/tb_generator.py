def numbers():
    yield 1
    yield 2
    raise ValueError("generator broke")

def doubled(gen):
    for n in gen:
        yield n * 2

for value in doubled(numbers()):
    print(value)
