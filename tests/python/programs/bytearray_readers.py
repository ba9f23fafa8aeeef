# Every way a program reads a bytearray: indexing and iteration, ord(), pickling and copying,
# joins, comparisons, concatenation, repetition and %-formatting, int.from_bytes.
import copy
import pickle

b = bytearray(b"hello")
print(b[0], b[-1], [x for x in b], list(reversed(b)), sum(b), max(b))
try:
    b[5]
except IndexError as e:
    print("IndexError:", e)
try:
    b[-6]
except IndexError as e:
    print("IndexError:", e)
print(ord(bytearray(b"a")), ord(b"z"))
for bad in (bytearray(b"ab"), bytearray(), memoryview(b"a")):
    try:
        ord(bad)
    except TypeError as e:
        print("TypeError:", e)
back = pickle.loads(pickle.dumps(b))
print(back, back == b, back is b, type(back).__name__)
print(copy.copy(b), copy.deepcopy(b), copy.copy(b) is b)
print(b"-".join([b, b"x", bytearray(b"y")]), bytearray(b", ").join([b, b]))
print(b == b"hello", b < b"help", b + b"!", b"!" + b, b * 2, 2 * b)
print(b"%s and %b" % (b, b), bytearray(b"%d") % 5)
print(int.from_bytes(b, "big"), int.from_bytes(bytearray(b"\x01\x00"), "little"))
print(bytearray(b), bytes(b), b.copy(), b.hex(), b.decode(), b[1:4], b[::-2])


class Sub(bytearray):
    pass


s = Sub(b"abc")
s.tag = 1
print(s[1], list(s), pickle.loads(pickle.dumps(s)), type(s[0:2]).__name__)
print(b.__reduce__(), b.__reduce_ex__(4), bytearray(b"\xff\x00").__reduce_ex__(2))
print(s.__reduce_ex__(3), Sub(b"q").__reduce__())
print(copy.copy(s).tag, copy.deepcopy(s), pickle.loads(pickle.dumps(s, 2)).tag)
