import functools

def traced(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return func(*args, **kwargs)
    return wrapper

@traced
def add(a, b):
    """Add two numbers."""
    return a + b

print(add.__name__, add.__doc__, add.__wrapped__.__name__, add(2, 3))

@functools.total_ordering
class Grade:
    order = "FDCBA"
    def __init__(self, letter):
        self.letter = letter
    def __eq__(self, other):
        return self.letter == other.letter
    def __lt__(self, other):
        return self.order.index(self.letter) < self.order.index(other.letter)
    def __repr__(self):
        return f"Grade({self.letter!r})"

g = [Grade(c) for c in "CAFB"]
print(sorted(g), max(g), Grade("A") >= Grade("B"), Grade("D") > Grade("C"), Grade("C") <= Grade("C"))

class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print("  computing area")
        return 3 * self.r * self.r

c = Circle(2)
print(c.area, c.area)
