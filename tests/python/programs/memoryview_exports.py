# A bytearray that a memoryview exports cannot change size (BufferError) until every view of
# it is released: release(), the end of `with`, or the view being dropped; same-size writes go on.
def attempt(text, f):
    try:
        print(text, "->", f())
    except Exception as e:
        print(text, "->", type(e).__name__, e)


b = bytearray(b"abcdefgh")
m = memoryview(b)
attempt("append", lambda: b.append(1))
attempt("extend", lambda: b.extend(b"xy"))
attempt("extend empty", lambda: b.extend(b""))
attempt("+= b''", lambda: b.__iadd__(b""))
attempt("*= 1", lambda: b.__imul__(1))
attempt("*= 2", lambda: b.__imul__(2))
attempt("*= 0", lambda: b.__imul__(0))
attempt("clear", lambda: b.clear())
attempt("pop", lambda: b.pop())
attempt("pop(100)", lambda: b.pop(100))
attempt("remove missing", lambda: b.remove(120))
attempt("remove", lambda: b.remove(97))
attempt("insert", lambda: b.insert(0, 1))
attempt("b[0:2] = same size", lambda: b.__setitem__(slice(0, 2), b"xy"))
attempt("b[0:2] = longer", lambda: b.__setitem__(slice(0, 2), b"xyz"))
attempt("del b[0:0]", lambda: b.__delitem__(slice(0, 0)))
attempt("del b[::2]", lambda: b.__delitem__(slice(None, None, 2)))
attempt("del b[0:0:2]", lambda: b.__delitem__(slice(0, 0, 2)))
attempt("b[::4] = 2 bytes", lambda: b.__setitem__(slice(None, None, 4), b"QR"))
attempt("b[::4] = b''", lambda: b.__setitem__(slice(None, None, 4), b""))
attempt("del b[0]", lambda: b.__delitem__(0))
attempt("b.__init__()", lambda: b.__init__())
attempt("b[1] = 66", lambda: b.__setitem__(1, 66))
print(b, m.tobytes())

# Every view counts: a slice, a copy and a cast keep the export after the first is released.
s = m[2:]
m.release()
attempt("slice alive", lambda: b.append(1))
s.release()
attempt("all released", lambda: b.append(1))
with memoryview(b) as w:
    attempt("inside with", lambda: b.append(2))
attempt("after with", lambda: b.append(2))
m2 = memoryview(b)
m3 = memoryview(m2)
m2.release()
attempt("memoryview(view)", lambda: b.append(3))
m3.release()
c = memoryview(b).cast("c")
attempt("cast alive", lambda: b.append(3))
c.release()
r = memoryview(b).toreadonly()
attempt("toreadonly alive", lambda: b.append(4))
r.release()
print(b)

# A view nobody refers to any more does not hold the bytearray (CPython frees it at once).
print(bytes(memoryview(b)[1:3]), memoryview(b).cast("B")[0])
b.extend(b"!")
for i in range(3):
    memoryview(b)[0]
    b.append(48 + i)
views = [memoryview(b) for _ in range(3)]
attempt("views in a list", lambda: b.append(5))
del views
b.append(53)
print(b)

# A bytes object is not resized, so its views never stop anything; an empty bytearray's
# clear() changes nothing and is allowed.
e = bytearray()
me = memoryview(e)
attempt("empty clear", lambda: e.clear())
attempt("empty *= 5", lambda: e.__imul__(5))
attempt("empty append", lambda: e.append(1))
print(me.tobytes(), len(e))
