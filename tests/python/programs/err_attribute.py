class Robot:
    def __init__(self):
        self.speed = 3
    def walk(self):
        return "walking"

r = Robot()
tests = [
    lambda: r.sped,
    lambda: r.wlak(),
    lambda: r.fly(),
    lambda: "text".uper(),
    lambda: [1].push(2),
    lambda: None.value,
    lambda: (5).real.nothing,
    lambda: Robot.missing,
    lambda: {}.has_key("k"),
]
for t in tests:
    try:
        t()
    except AttributeError as e:
        print(f"AttributeError: {e}")
import math
try:
    math.squareroot(4)
except AttributeError as e:
    print(f"AttributeError: {e}")
try:
    r.speed.x = 1
except AttributeError as e:
    print(f"AttributeError: {e}")
