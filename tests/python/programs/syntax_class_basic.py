class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(1, 2)
q = p.moved(3, 4)
print(p, q)
print(p.dims, Point.dims)
p.dims = 3
print(p.dims, Point.dims, q.dims)
print(type(p).__name__, isinstance(p, Point))
print(vars(p))
print(Point.moved(p, 1, 1))
m = p.moved
print(m(0, 10))
print(hasattr(p, "z"), getattr(p, "z", "none"))
