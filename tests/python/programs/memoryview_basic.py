# memoryview over bytes: indexing gives ints, slicing a view, bytes() copies it out.
print(memoryview(b"abc")[1], bytes(memoryview(b"abcdef")[2:4]))
