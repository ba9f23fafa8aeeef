d = {"x": 1, "y": 2, "z": 3}
keys, values, items = d.keys(), d.values(), d.items()
print(keys, values, items)
d["w"] = 0
print(list(keys), list(values), len(items))
print("x" in keys, 2 in values, ("y", 2) in items, ("y", 3) in items)
print(keys & {"x", "q"}, keys - {"x"} == {"y", "z", "w"}, sorted(keys | {"q"}))
print(type(keys).__name__, type(values).__name__, type(items).__name__)
for k, v in d.items():
    print(k, "->", v)
try:
    for k in d:
        d[k + "!"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
e = {"a": 1}
try:
    for k in e:
        del e[k]
except RuntimeError as err:
    print("RuntimeError:", err)
print(e)
print(list(reversed(d.keys())), {1: 2}.keys() == {1}, {1: 2}.values() == {1: 2}.values())
