a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
[m, n] = "mn"
print(m, n)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, *r = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q = 5
except TypeError as e:
    print("TypeError:", e)
merged = [*range(3), *"ab", *[None]]
print(merged)
print({**{"a": 1}, "b": 2, **{"a": 3}})
print({*"aab", *[1]} == {"a", "b", 1})
print(*[1, 2, 3], sep="-")
t = 1,
print(t, type(t).__name__)
