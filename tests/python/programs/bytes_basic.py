b = b"hello \x00\xff\n\t\\'\""
print(b, len(b), b[0], b[-1], b[:5], list(b[:3]))
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(range(5)))
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc", b"abc".upper())
print(b"a,b,c".split(b","), b" x ".strip(), b"-".join([b"a", b"b"]), b"abc".find(b"c"))
print(b"\x41\x42".decode(), b"hello".hex(), bytes.fromhex("48 69"), b"hi".hex(":"))
print(b"abc".replace(b"b", b"B"), b"Hello".startswith(b"He"), b"123".isdigit(), b"abc".count(b"c"))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc" + "def"
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
print(b"abc" == b"abc", b"abc" < b"abd", b"" == bytes(), hash(b"x") == hash(b"x"))
print(repr(b"'"), repr(b'"'), repr(b"'\""), b"\r\x7f\x80")
