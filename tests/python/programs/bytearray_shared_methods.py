# bytearray shares bytes' methods and returns bytearrays from them; bytes and bytearray mix in
# joins, searches, comparisons and concatenation; bytearray is unhashable and pickles by value.
import pickle

ba = bytearray(b"Hello, World")
print(ba.upper(), ba.lower(), ba.swapcase(), ba.title(), bytearray(b"hi there").capitalize())
print(ba.split(b", "), ba.split(), ba.startswith(b"He"), ba.endswith(bytearray(b"ld")))
print(ba.find(bytearray(b"o")), ba.rfind(111), ba.index(b"W"), ba.count(b"l"), ba.replace(b"l", bytearray(b"L")))
print(ba.strip(b"Hd"), bytearray(b"  x ").lstrip(), bytearray(b"ab").hex(":"), bytearray.fromhex("de ad"))
print(bytearray(b"-").join([b"a", bytearray(b"b")]), b"-".join([bytearray(b"a"), b"b"]))
print(ba.decode(), bytearray("héllo", "utf-8"), bytearray("x", encoding="ascii", errors="strict"))
print(b"ab" < bytearray(b"ac"), bytearray(b"b") > b"a", bytearray(b"a") <= bytearray(b"a"), bytearray() == b"")
print(type(b"x" + bytearray(b"y")).__name__, type(bytearray(b"x") + b"y").__name__, type(bytearray(b"ab")[0:1]).__name__)
print(bytes(bytearray(b"xy")), bytearray(bytearray(b"z")), list(reversed(bytearray(b"abc"))), sorted(bytearray(b"cab")))
print(b"b" in bytearray(b"abc"), bytearray(b"bc") in b"abc", 99 in bytearray(b"abc"), bytearray(b"ab") * 2, 2 * bytearray(b"c"))
print(isinstance(bytearray(), bytearray), bytearray.__name__, repr(bytearray(b"a'b")), repr(bytearray(b'a"b')))
for bad in (lambda: hash(bytearray(b"x")), lambda: {bytearray(b"x"): 1}, lambda: {bytearray()}):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
data = pickle.dumps(bytearray(b"ab\x00"))
print(data)
back = pickle.loads(data)
print(back, type(back).__name__, pickle.loads(pickle.dumps([bytearray(b"q"), b"q"])))
class Buf(bytearray):
    pass
print(repr(Buf(b"sub")), len(Buf(3)), Buf(b"ab") == b"ab")
