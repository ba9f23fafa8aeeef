r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1])
print(5 in r, 8 in r, r.index(8), r.count(11), list(range(5, 0, -2)), list(range(0)))
print(range(3) == range(0, 3, 1), range(0) == range(5, 5), repr(range(0, 10, 2)))
print(range(10 ** 20)[-1], sum(range(101)), max(range(7)), 10 ** 19 in range(10 ** 20))
try:
    len(range(10 ** 20))
except OverflowError as e:
    print("OverflowError:", e)
print(list(reversed(range(4))), range(1, 10, 4).start, range(1, 10, 4).stop, range(1, 10, 4).step)
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError:", e)
print(hash(range(3)) == hash(range(0, 3)), bool(range(0)), list(range(-3, 3)))
