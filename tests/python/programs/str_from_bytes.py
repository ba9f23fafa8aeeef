# str(object, encoding, errors): the bytes of a bytes, bytearray or memoryview decoded, with
# bytes.decode's codecs and errors; str itself and other objects are refused.
print(str(b"abc", "utf-8"), str(bytearray(b"h\xc3\xa9"), "utf-8"), str(memoryview(b"xy"), "ascii"))
print(str(b"\xff", "latin-1"), str(b"a\xffb", "utf-8", "replace"), str(b"ab", encoding="ascii"))
print(repr(str(errors="strict")), str(object=b"q", errors="ignore"), repr(str(encoding="utf-8")))
print(str(b"x\xffy", errors="ignore"), str(object=5), str(), str(b"ab"))
for args, kw in [((b"\xff", "utf-8"), {}), (("abc", "utf-8"), {}), ((5, "utf-8"), {}),
                 ((b"a", "nope"), {}), ((b"a", 5), {}), ((b"a", "utf-8", 1), {}),
                 ((b"a",), {"object": b"b"}), ((b"a",), {"bogus": 1}), ((1, 2, 3, 4), {})]:
    try:
        print(str(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)
