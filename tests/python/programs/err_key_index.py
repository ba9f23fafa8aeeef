d = {"apple": 1}
for key in ("banana", 42, (1, 2), None, "", "a'b"):
    try:
        d[key]
    except KeyError as e:
        print("KeyError:", e, "| repr:", repr(e), "| args:", e.args)
lst = [1, 2, 3]
for i in (3, -4, 100):
    try:
        lst[i]
    except IndexError as e:
        print("IndexError:", e)
for seq in ("abc", (1,), range(2), b"xy", bytearray(b"q")):
    try:
        seq[5]
    except IndexError as e:
        print("IndexError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError:", e)
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
try:
    {"a": 1}["b"]
except LookupError as e:
    print("caught as LookupError:", type(e).__name__, e)
