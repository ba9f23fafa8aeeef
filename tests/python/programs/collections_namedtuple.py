from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p[1], p == (3, 4), len(p), tuple(p))
x, y = p
print(x + y, p._fields, p._asdict())
q = p._replace(y=10)
print(q, p)
print(Point._make([1, 2]), Point(y=1, x=2))
Color = namedtuple("Color", "red green blue", defaults=[0])
print(Color(1, 2), Color._field_defaults)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
class Vector(namedtuple("Vector", "dx dy")):
    def length(self):
        return (self.dx ** 2 + self.dy ** 2) ** 0.5
print(Vector(6, 8).length(), Vector(1, 2))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
