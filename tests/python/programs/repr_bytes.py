for b in [b"", b"abc", b"'", b'"', b"'\"", b"\x00\x01\x7f\x80\xff", b"\t\n\r", b"\\", bytes(range(28, 36))]:
    print(repr(b))
print(bytearray(b"a'b"), [b"x", bytearray(b"y")], bytes(2))
print(str(b"abc"), f"{b'abc'}", "%s" % b"x", "%r" % b"y")
print(b"hello world".title(), b"ABC".lower(), b"a b".split())
