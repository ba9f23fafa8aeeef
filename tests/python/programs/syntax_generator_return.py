def gen():
    yield 1
    return "done"

g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)

def raises_stop():
    yield 1
    raise StopIteration("inside")

try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def lazy():
    print("  body starts")
    yield

l = lazy()
print("created, not started")
next(l)
print(list(l), next(l, "exhausted"))
