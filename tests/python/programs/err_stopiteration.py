it = iter([])
try:
    next(it)
except StopIteration as e:
    print("StopIteration:", repr(e), e.value)

def gen():
    yield 1
    return "result"

g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value)

def leaky():
    yield next(iter([]))

try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))

class Empty:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
print(list(Empty()), next(Empty(), "default"))
