s = "  \t padded text \n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "www.site.com".lstrip("w."), "file.txt.bak".rstrip(".kab"))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "keep".removeprefix("x"))
t = "banana"
print(t.find("an"), t.find("an", 2), t.rfind("an"), t.find("x"), t.index("n"), t.rindex("a"))
print(t.count("a"), t.count("an"), t.count(""), "aaaa".count("aa"))
print(t.startswith("ba"), t.endswith(("x", "na")), t.startswith("na", 2), "an" in t, "" in t)
print(t.replace("a", "o"), t.replace("a", "o", 2), t.replace("", "-"), t.replace("na", ""))
try:
    t.index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    t.rindex("z")
except ValueError as e:
    print("ValueError:", e)
