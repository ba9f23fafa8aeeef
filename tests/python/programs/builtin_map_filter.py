print(list(map(str, [1, 2, 3])), list(map(pow, [2, 3], [3, 2])), list(map(len, ["", "ab"])))
m = map(lambda x: x * 10, range(3))
print(type(m).__name__, next(m), list(m), list(m))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(str.isupper, "aBcDE")), list(filter(lambda n: n > 2, (1, 5, 2, 7))))
print(list(map(lambda a, b: a + b, "ab", "cde")))
def noisy(x):
    print("  mapping", x)
    return x
lazy = map(noisy, [1, 2])
print("map created")
print(list(lazy))
try:
    list(map(int, ["1", "x"]))
except ValueError as e:
    print("ValueError:", e)
