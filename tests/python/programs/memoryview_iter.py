# Iterating a memoryview reads the exporter as it goes (CPython's memory_iterator), over the
# view's length when iter() was called; an iterator of a released view cannot go on.
buf = bytearray(b"abc")
view = memoryview(buf)
it = iter(view)
print(type(it).__name__, iter(it) is it)
for i, x in enumerate(view):
    if i == 0:
        buf[2] = ord("Z")
    print(x)
print(list(memoryview(b"xyz")[::2]), list(memoryview(b"")))
print(list(memoryview(bytearray(b"\x01\x00\x02\x00")).cast("H")))
it = iter(memoryview(bytearray(b"pq")))
print(next(it))
released = memoryview(b"hello")
it = iter(released)
print(next(it))
released.release()
try:
    next(it)
except ValueError as e:
    print("ValueError:", e)
# (iter() of a released view: CPython 3.11 says SystemError, its memory_iter's own slip; ours
# says ValueError, as next() does.)
print(sum(memoryview(bytes(range(10)))))
