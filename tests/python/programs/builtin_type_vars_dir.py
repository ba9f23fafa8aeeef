class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0

class Square(Shape):
    sides = 4
    def __init__(self, side):
        super().__init__("square")
        self.side = side
    def area(self):
        return self.side ** 2

s = Square(3)
print(type(s), type(s).__name__, type(Square), s.__class__.__bases__)
print(vars(s), s.__dict__ is vars(s))
print([n for n in dir(s) if not n.startswith("__")])
print([n for n in dir(Square) if not n.startswith("__")])
print("area" in Square.__dict__, "name" in Square.__dict__, sorted(k for k in Shape.__dict__ if not k.startswith("__")))
Dynamic = type("Dynamic", (Shape,), {"sides": 7, "extra": lambda self: "added"})
d = Dynamic("dyn")
print(type(d).__name__, d.sides, d.extra(), isinstance(d, Shape))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print(type(1)(5), type("x")(3), type([])((1, 2)))
