data = [5, 3, 8, 1, 9, 2]
print(sorted(data), sorted(data, reverse=True), data)
print(min(data), max(data), min(3, 1, 2), max("apple", "pear", key=len), min("b", "a"))
print(min([], default="empty"), max([], default=None), max([4], default=0))
words = ["kiwi", "fig", "banana", "plum"]
print(min(words, key=len), max(words, key=len), max(words), sorted(words, key=lambda w: w[-1]))
print(max([3, 1], [2, 9]), min((1, "b"), (1, "a")), max({"a": 3, "b": 1}, key={"a": 3, "b": 1}.get))
print(max(1, 2.5, True), min([0.0, -0.0]), max(["a", "B"], key=str.lower))
print(max([2, 5, 5, 1], key=lambda n: n), max(["aa", "bb", "c"], key=len))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    max(1)
except TypeError as e:
    print("TypeError:", e)
try:
    min(1, 2, default=0)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, None])
except TypeError as e:
    print("TypeError:", e)
