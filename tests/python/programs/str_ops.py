s = "Python"
print(len(s), s[0], s[-1], s[1:4], s * 2, s + "!", "th" in s, "x" not in s)
print([c for c in s], list(reversed(s)), sorted(s), min(s), max(s))
print("apple" < "banana", "Apple" < "apple", "a" < "ab", "Z" < "a", "10" < "9")
print(ord("A"), chr(97), ord("€"), chr(0x1F600) == "😀", ord("\n"))
print(str(42), str(3.0), str([1, "a"]), str(None), str(b"x"), str(True))
print(s.encode(), "é".encode("utf-8"), "é".encode("latin-1"), b"caf\xc3\xa9".decode())
try:
    s[0] = "J"
except TypeError as e:
    print("TypeError:", e)
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(hash("a") == hash("a"), "abc" == "ab" + "c", "abc" != None)
