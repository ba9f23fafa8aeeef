print(format(3.14159, ".2f"), format(42, "08b"), format("x", ">3"), format(1234567, ","))
print(repr([1, "a"]), str([1, "a"]), ascii("ø"))
print(list(reversed([1, 2, 3])), sorted(reversed("abc")))
print(callable(print), callable("x"))
x = 5
print(globals()["x"], "x" in globals())
def f():
    a = 1
    b = 2
    return sorted(locals().items())
print(f())
print(isinstance(print, object), type(print).__name__, type(len))
print(slice(3), slice(1, 2), slice(None, None, -1))
print(object().__class__.__name__, issubclass(type, object))
print(round(1.23456, 3), divmod(9, 4), max(range(5)), min("hello"), abs(-3))
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
print(NotImplemented, Ellipsis, ...)
