# A memoryview used once and dropped (memoryview(b)[i]) gives its export back at once, as
# CPython's refcounting does: the bytearray can be resized right after. A view still referred
# to (a name, a list, a slice of it kept) keeps the bytearray from resizing (BufferError).
b = bytearray(b"abcdef")
for i in range(3):
    print(memoryview(b)[i], end=" ")
    b.append(ord("g") + i)
memoryview(b)[0] = ord("A")
b.extend(b"!")
print(bytes(b))

try:
    memoryview(b)[100]
except IndexError as e:
    print("IndexError:", e)
b.append(ord("?"))
memoryview(b)[1] += 1
b.append(ord("."))
print(bytes(b), len(b))


def attempt(label):
    try:
        b.append(0)
        b.pop()
        print(label, "resized")
    except BufferError as e:
        print(label, "BufferError:", e)


m = memoryview(b)
attempt("named view:")
del m
part = memoryview(b)[2:4]
attempt("slice kept:")
part.release()
attempt("slice released:")
keep = []


def stash(x):
    keep.append(memoryview(x))
    return keep[-1]


print(stash(b)[0])
attempt("stashed view:")
keep.clear()


def key():
    memoryview(b)[0]
    return 1


print(memoryview(b)[key()], chr(memoryview(b)[::2][1]))
with memoryview(b) as w:
    print(w[0])
attempt("after with:")
print(bytes(memoryview(b)[1:3]), [memoryview(b)[j] for j in range(3)])
attempt("at the end:")
