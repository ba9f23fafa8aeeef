d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "b" in d, 2 in d)
print(d.setdefault("a", 100), d.setdefault("d", 4), d)
print(d.pop("b"), d.pop("zz", "missing"), d)
print(d.popitem(), d)
d.update({"e": 5}, f=6)
d.update([("g", 7)])
print(d)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("pq", (8, 9))), dict.fromkeys("ab", 0))
c = d.copy()
c["a"] = "changed"
print(d["a"], c["a"])
c.clear()
print(c, d | {"a": 0, "z": 26}, {"z": 26} | d)
d |= {"h": 8}
print(d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
print({1: "int", 1.0: "float", True: "bool"})
print(dict(sorted({"b": 2, "a": 1}.items())), list(reversed({"x": 1, "y": 2})))
