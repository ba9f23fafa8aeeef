# memoryview over bytes and bytearray: items are ints, slices are views of the same memory,
# writes through a view of a bytearray change it; release and `with`; CPython's messages.
m = memoryview(b"abcdef")
print(len(m), m[1], m[-1], bytes(m[2:4]), m[::2].tobytes(), m[::-1].tolist())
print(m.readonly, m.nbytes, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.obj)
print(m.c_contiguous, m[::2].contiguous, m[::2].strides, m[1:1].tobytes(), len(m[4:1]))
print(m == b"abcdef", m[1:3] == b"bc", b"abcdef" == m, m != b"x", m == memoryview(b"abcdef"))
print(m == "abcdef", m[::2] == b"ace", m == bytearray(b"abcdef"))
print(hash(m) == hash(b"abcdef"), list(m[:3]), m.hex(), bytearray(m[1:3]))
print(b"-".join([m[:2], m[4:]]), b"ab".startswith(memoryview(b"a")), b"ab" + memoryview(b"c"))
print(memoryview(memoryview(b"xy")[1:]).tobytes(), memoryview(object=b"k").tobytes())

ba = bytearray(b"hello")
v = memoryview(ba)
v[0] = 72
v[1:3] = b"EL"
v[::2] = b"xyz"
print(ba, v.readonly, v[4], v[1:4].tobytes(), v.nbytes, v.obj is ba)
ba[0] = 33
print(v[0], v.tobytes())
tail = v[3:]
tail[0] = 0x5f
print(ba)

with memoryview(b"ab") as w:
    print(w[0], w.tobytes())
print(hasattr(w, "released"), repr(w).startswith("<released memory at 0x"))
print(repr(m).startswith("<memory at 0x"))

checks = [
    ("m[10]", lambda: m[10]),
    ("m[-7]", lambda: m[-7]),
    ("m['a']", lambda: m["a"]),
    ("m[1.5]", lambda: m[1.5]),
    ("memoryview(1)", lambda: memoryview(1)),
    ("memoryview('abc')", lambda: memoryview("abc")),
    ("w[0]", lambda: w[0]),
    ("len(w)", lambda: len(w)),
    ("w.tobytes()", lambda: w.tobytes()),
    ("bytes(w)", lambda: bytes(w)),
    ("b'a' < m", lambda: b"a" < m),
    ("hash(v)", lambda: hash(v)),
    ("v[0] = 256", lambda: v.__setitem__(0, 256)),
    ("v[0] = -1", lambda: v.__setitem__(0, -1)),
    ("v[0] = b'a'", lambda: v.__setitem__(0, b"a")),
    ("v[0:2] = b'abc'", lambda: v.__setitem__(slice(0, 2), b"abc")),
    ("m[0] = 1", lambda: m.__setitem__(0, 1)),
    ("del v[0]", lambda: v.__delitem__(0)),
    ("memoryview()", lambda: memoryview()),
    ("memoryview(b'a', b'b')", lambda: memoryview(b"a", b"b")),
    ("memoryview(obj=b'a')", lambda: memoryview(obj=b"a")),
]
for text, f in checks:
    try:
        print(text, "->", f())
    except Exception as e:
        print(text, "->", type(e).__name__, e)
m.release()
m.release()
print("released twice")

# Views keep their bytearrays alive through collections (nothing else refers to them).
views = [memoryview(bytearray(str(i).encode()))[1:] for i in range(10, 30000)]
junk = [[i] * 4 for i in range(100000)]
print(sum(len(v) for v in views), views[-1].tobytes(), views[0].obj)
