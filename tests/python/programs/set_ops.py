a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(range(3)), a.difference({1}), a.symmetric_difference([4, 6]))
print({1, 2} <= a, {1, 2} < {1, 2}, a >= {1}, a.issubset(range(10)), a.isdisjoint({7, 8}))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([2, 5], (7,))
print(s, len(s))
s.discard(99)
s.remove(5)
print(s, s.pop(), s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
c = {10, 20}
c |= {30}
c &= {10, 30, 40}
c -= {10}
print(c, set("hello") == {"h", "e", "l", "o"}, {0, 1} == {False, True})
print(set([3, 1, 2]), sorted({5, -1, 3}), {(1, 2), (1, 2)}, set(range(5, 0, -1)))
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
print(repr(set()), {1, 2}.copy(), {-1, -2, 100, 7, 64})
