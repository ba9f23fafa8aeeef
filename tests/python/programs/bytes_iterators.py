# The iterators of bytes and bytearray: their type names, length hints, and a bytearray's
# iterator following the bytearray as it changes (as CPython's, by index).
for v in [b"ab", bytearray(b"ab"), b""]:
    it = iter(v)
    print(type(it).__name__, next(it, None), it.__length_hint__(), list(it), it.__length_hint__())
b = bytearray(b"abc")
it = iter(b)
print(next(it))
b.extend(b"de")
print(it.__length_hint__(), list(it))
b.append(ord("f"))
print(list(it), it.__length_hint__())
it = iter(b)
next(it)
del b[:]
print(it.__length_hint__(), list(it))
print(type(iter(b"a")) is type(iter(b"bc")), type(iter(b"a")) is type(iter(bytearray())))
