class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    __radd__ = __add__

    def __rmul__(self, k):
        return Money(self.cents * k)

    def __rsub__(self, other):
        return Money(other - self.cents)

    def __truediv__(self, n):
        return Money(self.cents // n)

    def __rtruediv__(self, other):
        return f"{other} / Money is odd"

    def __repr__(self):
        return f"Money({self.cents})"

m = Money(250)
print(m + 50, 50 + m, m + m)
print(3 * m, 1000 - m, m / 4, 10 / m)
print(sum([Money(1), Money(2), Money(3)]))
try:
    m * 2
except TypeError as e:
    print("TypeError:", e)
try:
    "x" + m
except TypeError as e:
    print("TypeError:", e)
