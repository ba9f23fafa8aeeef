for w in ("a", "abc", "abcdef"):
    print(f"[{w.ljust(5)}] [{w.rjust(5, '.')}] [{w.center(6, '*')}] [{w.zfill(5)}]")
print("-42".zfill(6), "+7".zfill(4), "3.14".zfill(8))
print("ab".center(5), "|" + "ab".center(5, "-") + "|", "abc".center(6, "-"))
print("x" * 3, 3 * "yo", "-" * 0, "ab" * -1 == "")
print("%-6s|%6s|" % ("l", "r"))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
table = [("name", "qty"), ("apple", 3), ("kiwi", 12)]
for name, qty in table:
    print(f"{name:<8}{str(qty):>5}")
