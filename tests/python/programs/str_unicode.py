s = "naïve café 日本語 😀"
print(len(s), s.upper(), s[-1], s[11:14])
print([hex(ord(c)) for c in "é😀"])
print(len(s.encode("utf-8")), s.encode("utf-8")[:8])
print("日本語".encode(), "😀".encode("utf-8"))
print(b"\xe6\x97\xa5".decode("utf-8"), bytes([0xf0, 0x9f, 0x98, 0x80]).decode())
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff".decode("utf-8", errors="replace"), b"a\xffb".decode("utf-8", "ignore"))
print("x\u0301" == "\u00e1", len("x\u0301"), "\N{GREEK SMALL LETTER ALPHA}")
print(sorted(["b", "B", "á", "a", "Z"]))
print("Ω".isalpha(), "😀".isprintable(), "\t".isprintable())
