# A throwaway memoryview of a bytearray, then a resize, 2000 times beside ~200k live objects:
# the view dies in its expression (the VM gives its export back there, as CPython's
# refcounting does), so no resize needs a collection.
keep = [[i] for i in range(100000)]
b = bytearray(b"abc")
for i in range(2000):
    memoryview(b)[0]
    b.append(i & 0x7F)
print(len(b), len(keep))
