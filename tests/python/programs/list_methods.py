a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.insert(0, 2)
a.insert(100, 6)
a.insert(-1, 8)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(1), a.count(4), a.count(7))
a.reverse()
print(a)
a.sort()
print(a, sorted(a, reverse=True))
b = a.copy()
b.clear()
print(a, b)
print(a.index(5, 2), [1, 2, 3].index(3, -1))
try:
    a.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    a.index(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
print(list(), list("ab"), list(range(3)), list({"k": 1}), list((1, 2)))
