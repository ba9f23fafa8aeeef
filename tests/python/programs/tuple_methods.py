t = (3, 1, 4, 1, 5)
print(t, len(t), t[1], t[-1], t[1:3], t.count(1), t.index(4), 5 in t)
print(t + (9,), t * 2, (1,) * 3, tuple("abc"), tuple(range(3)), ())
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) == (2,), () < (0,))
single = (42,)
not_tuple = (42)
print(type(single).__name__, type(not_tuple).__name__, single, repr(()))
x, y = point = (3, 4)
print(x, y, point)
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested, hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    hash(nested)
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
print(sorted(t), min(t), max(t), sum(t), tuple(sorted(t, reverse=True)))
