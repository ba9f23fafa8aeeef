from dataclasses import dataclass, field, asdict, astuple, replace, fields

@dataclass
class Point:
    x: int
    y: int = 0

@dataclass
class Polygon:
    name: str
    points: list = field(default_factory=list)
    closed: bool = True
    tag: str = field(default="none", repr=False)

p = Point(1)
print(p, Point(2, 3) == Point(2, 3), Point(1) == Point(1, 1))
print(asdict(Polygon("tri", [Point(0, 0), Point(1, 0)])))
print(astuple(Point(5, 6)), replace(p, y=9), [f.name for f in fields(Polygon)])
poly = Polygon("sq")
poly.points.append(Point(1, 1))
print(poly, Polygon("other").points)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    hash(Point(1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
