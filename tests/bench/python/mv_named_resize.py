# As mv_temp_resize, but the view is held by a name and deleted before the resize: only a
# collection can tell it is gone, so each of the 500 resizes runs a full one (CPython: none).
keep = [[i] for i in range(100000)]
b = bytearray(b"abc")
for i in range(500):
    m = memoryview(b)
    m[0]
    del m
    b.append(i & 0x7F)
print(len(b), len(keep))
