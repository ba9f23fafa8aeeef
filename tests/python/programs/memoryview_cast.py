# memoryview.cast: the same memory seen as items of another native format (little-endian
# x86-64/aarch64 sizes), writes through a cast view, and CPython's errors.
def attempt(text, f):
    try:
        print(text, "->", f())
    except Exception as e:
        print(text, "->", type(e).__name__, e)


m = memoryview(b"abcdefgh")
for f in ["B", "b", "c", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "@I"]:
    c = m.cast(f)
    print(f, c.format, c.itemsize, c.nbytes, len(c), c.shape, c.strides, c.tolist(), c.readonly)
for f in ["<I", "e", "x", "BB", ""]:
    attempt("cast(%r)" % f, lambda: m.cast(f))

h = m.cast("h")
print(h[1], h[-1], h[::-2].tolist(), h[::-2].tobytes(), h[::2].hex(), bytes(h[::2]), list(h))
print(m.cast("I").cast("B").tolist() == list(b"abcdefgh"), m.cast("I").cast("c")[1])
print(m.cast("I", shape=[2]).tolist(), m.cast(format="h", shape=(4,)).shape)
print(m.cast("b") == b"abcdefgh", m.cast("c") == b"abcdefgh", m.cast("I") == b"abcdefgh")
print(m.cast("I") == m.cast("I"), m.cast("I") == m.cast("i"), m.cast("h") == m.cast("H"))
nan = memoryview(bytearray(8)).cast("d")
nan[0] = float("nan")
print(nan == nan, nan != nan, nan[0] != nan[0])
print(hash(m.cast("c")) == hash(b"abcdefgh"), hash(m.cast("b")) == hash(b"abcdefgh"))

attempt("m[::2].cast('B')", lambda: m[::2].cast("B"))
attempt("m[:7].cast('I')", lambda: m[:7].cast("I"))
attempt("cast('I').cast('h')", lambda: m.cast("I").cast("h"))
attempt("cast(1)", lambda: m.cast(1))
attempt("cast()", lambda: m.cast())
attempt("cast('I', shape=[3])", lambda: m.cast("I", shape=[3]))
attempt("cast('I', shape=[0])", lambda: m.cast("I", shape=[0]))
attempt("cast('I', shape=3)", lambda: m.cast("I", shape=3))
attempt("cast('B', fmt='B')", lambda: m.cast("B", fmt="B"))
attempt("m[:0].cast('B', shape=[1])", lambda: m[:0].cast("B", shape=[1]))
attempt("hash(cast('I'))", lambda: hash(m.cast("I")))
released = memoryview(b"ab")
released.release()
attempt("released.cast('B')", lambda: released.cast("B"))
attempt("released.toreadonly()", lambda: released.toreadonly())

ba = bytearray(16)
i = memoryview(ba).cast("i")
i[0] = -2
i[1] = 7
i[2:4] = memoryview(b"\x01\x00\x00\x00\x02\x00\x00\x00").cast("i")
print(ba, i.tolist(), i.readonly)
d = memoryview(ba).cast("d")
d[1] = 2
print(d[1], ba[8:])
c = memoryview(ba).cast("c")
c[0] = b"z"
q = memoryview(ba).cast("?")
q[1] = []
q[2] = "yes"
u = memoryview(ba).cast("Q")
u[1] = 2**64 - 1
print(ba[:3], u[1], memoryview(ba).cast("q")[1])
f = memoryview(bytearray(4)).cast("f")
f[0] = 1e300
print(f[0])
for text, view, value in [
    ("i[0] = 1.5", i, 1.5), ("i[0] = 2**40", i, 2**40), ("i[0] = 'x'", i, "x"),
    ("d[0] = 'x'", d, "x"), ("d[0] = 2**2000", d, 2**2000), ("c[0] = 1", c, 1),
    ("c[0] = b'ab'", c, b"ab"), ("u[0] = -1", u, -1), ("u[0] = 2**64", u, 2**64),
]:
    attempt(text, lambda: view.__setitem__(0, value))
attempt("i[0:1] = b'abcd'", lambda: i.__setitem__(slice(0, 1), b"abcd"))
attempt("i[0:1] = cast('I')", lambda: i.__setitem__(slice(0, 1), memoryview(b"abcd").cast("I")))
ro = memoryview(ba).toreadonly()
attempt("ro[0] = 1", lambda: ro.__setitem__(0, 1))
print(ro.readonly, ro.obj is ba, ro.tobytes() == bytes(ba))
