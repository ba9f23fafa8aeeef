a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)
print(type(id(a)).__name__, id(a) > 0)
print(hash(1) == hash(1.0) == hash(True), hash("abc") == hash("ab" + "c"), hash((1, "a")) == hash((1, "a")))
print(hash(0), hash(1), hash(-1), hash(10 ** 20), hash(1.5), hash(()), hash(None) == hash(None))
for obj in ([], {}, set(), bytearray()):
    try:
        hash(obj)
    except TypeError as e:
        print("TypeError:", e)
class K:
    pass
k = K()
print(hash(k) == hash(k), k == k, k != K())
x = 300
y = 300
print(x == y, hash(x) == hash(y))
