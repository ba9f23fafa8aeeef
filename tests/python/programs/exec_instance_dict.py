# An instance's __dict__ is its attribute dict: read it, change it, replace or delete it.
class P:
    def __init__(self):
        self.x = 1
p = P()
print(p.__dict__, vars(p))
p.__dict__["y"] = 2
print(p.y, p.__dict__)
d = {"z": 3}
p.__dict__ = d
print(p.z, vars(p), p.__dict__ is d)
p.w = 4
print(d)
try:
    p.__dict__ = [1]
except TypeError as e:
    print("TypeError:", e)
try:
    del p.__dict__
except TypeError as e:
    print("TypeError:", e)
class S:
    __slots__ = ("a",)
s = S()
try:
    s.__dict__
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    pass
q = Q()
q.__dict__.update(a=1, b=2)
print(sorted(vars(q).items()), q.a + q.b)
del q.__dict__["a"]
print(hasattr(q, "a"), q.__dict__)
del p.__dict__
print(vars(p), hasattr(p, "z"))
p.k = 1
print(p.__dict__)
