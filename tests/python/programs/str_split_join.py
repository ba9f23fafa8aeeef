print("a,b,,c".split(","), "a b  c ".split(), "  lead and trail  ".split(" "))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "".split(","), "".split())
print("one\ntwo\r\nthree\n".splitlines(), "x\ny\n".splitlines(True), "no newline".splitlines())
print("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join(str(n) for n in range(3)))
print("key=value=x".partition("="), "no sep".partition("="), "a.b.c".rpartition("."))
try:
    "-".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(set(words))[:3], max(words, key=len))
print("\t".join(["c1", "c2"]).expandtabs(8) + "|")
