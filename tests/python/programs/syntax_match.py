def describe(value):
    match value:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float():
            return "number"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *others]:
            return f"list starting {first} (+{len(others)})"
        case {"type": "point", "x": x}:
            return f"point x={x}"
        case str() as s if s:
            return f"text {s!r}"
        case _:
            return "something else"

for v in (0, -4, 2.5, [1, 2], [1, 2, 3], {"type": "point", "x": 7, "y": 1}, "hi", "", None):
    print(repr(v), "->", describe(v))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

match Point(1, 0):
    case Point(0, 0):
        print("origin")
    case Point(x, 0):
        print("on the x axis at", x)
