# The list, set and dict operations that lock their object in free-threaded runs behave as
# CPython's in a single thread: results, orders and error messages.
l = list(range(8))
l.insert(-2, "a")
l.insert(100, "z")
l.insert(-100, "s")
print(l)
l.remove("a")
print(l, l.index(5), l.index(5, 2, 8), l.count(3))
try:
    l.index(5, 0, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    l.remove("nope")
except ValueError as e:
    print("ValueError:", e)
print(l[1:7:2], l[::-3], l[-3:], l[5:2])
l[1:3] = "xyz"
print(l)
l[::2] = range(len(l[::2]))
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
del l[::3]
del l[-2:]
print(l)
m = [3, 1, 2]
m += m
m *= 2
print(m, m * 0, [0] * 3 + m[:2])
m.sort(reverse=True)
m.reverse()
print(m, m == sorted(m), m < [1, 1, 2], repr([m[:2], [m[:1]]]))
try:
    m.sort(key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, m)
c = m.copy()
m.clear()
print(m, c, 3 in c, 9 in c)

s = {5, 1, 9}
s.add(3)
s.discard(9)
s.discard(42)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
print(s, s.pop(), s, len(s), 1 in s)
t = s.copy()
t.update([7, 8], {0})
print(t, t | {100}, t & {7, 3}, t - {7}, t ^ {7, 50}, {7} <= t, t.issuperset({8}))
try:
    for x in t:
        t.add(x + 1000)
except RuntimeError as e:
    print("RuntimeError:", e)
t.clear()
print(t, bool(t), set("abc") == set("cba"))
try:
    t.pop()
except KeyError as e:
    print("KeyError:", e)

d = {"a": 1, "b": 2, "c": 3}
print(d.popitem(), d)
d["z"] = 26
print(d.popitem(), d.popitem(), d)
d["q"] = 0
print(d, list(d))
d.popitem()
d.popitem()
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)
