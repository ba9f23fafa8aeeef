a = list(range(8))
a[2:4] = ["x", "y", "z"]
print(a)
a[:0] = [-1]
print(a)
a[len(a):] = [99, 100]
print(a)
del a[::3]
print(a)
a[1:3] = []
print(a)
b = list(range(6))
b[::2] = "ABC"
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c = [1, 2, 3]
c[:] = c + c
print(c)
d = [0] * 5
d[1:4] = range(3)
print(d)
e = list("hello")
e[::-1] = e
print(e)
del e[:]
print(e)
