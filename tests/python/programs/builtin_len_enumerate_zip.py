print(len([1, 2]), len("héllo"), len({}), len(range(3, 10)), len(b"\x00"), len({1: 2, 3: 4}))
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
for i, c in enumerate("abc"):
    print(i, c, end="; ")
print()
print(list(enumerate(["x", "y"], start=10)), list(enumerate([])))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(2), range(2), range(2))))
names = ["a", "b"]
scores = [90, 80]
print(dict(zip(names, scores)))
pairs = [(1, "one"), (2, "two")]
nums, words = zip(*pairs)
print(nums, words)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
e = enumerate("xy")
print(next(e), next(e), next(e, None))
