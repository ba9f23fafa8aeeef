from enum import Enum, IntEnum, Flag, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = auto()

print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], list(Color), len(Color))
print(Color.RED.name, Color.RED.value, Color.RED in Color, Color(1) is Color.RED)
print({Color.RED: "stop"}[Color.RED], [c.name for c in Color], Color.BLUE == 3)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)

class Level(IntEnum):
    LOW = 1
    HIGH = 2

print(Level.LOW < Level.HIGH, Level.HIGH + 1, repr(Level(2)), f"{Level.HIGH}", sorted([Level.HIGH, Level.LOW]))

class Perm(Flag):
    R = 4
    W = 2
    X = 1

rw = Perm.R | Perm.W
print(Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), rw.value)

class Shape(Enum):
    SQUARE = 2
    ALIAS = 2

print(Shape.ALIAS is Shape.SQUARE, list(Shape))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
