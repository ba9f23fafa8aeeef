# Instances of a subclass of float: their value in every operation, their own class, methods
# and attributes (a __dict__), pickling and copying.
import copy
import math
import pickle


class Celsius(float):
    def fahrenheit(self):
        return self * 9 / 5 + 32

    def __repr__(self):
        return f"Celsius({float(self)!r})"


class Plain(float):
    pass


c = Celsius(21.5)
p = Plain("2.5")
print(type(c).__name__, c, repr(c), str(p), repr(p), c.fahrenheit())
print(c + 1, 1 + c, c * p, c / 2, c // 2, c % 2, -c, +p, abs(Plain(-3.0)), c ** 2, divmod(c, 4))
print(type(c + 1).__name__, type(-p).__name__, type(+p).__name__, type(abs(p)).__name__)
print(c == 21.5, c > 20, p < 3, hash(p) == hash(2.5), bool(Plain(0.0)), p == Plain(2.5))
print(int(c), float(c), type(float(c)).__name__, round(c), round(p, 1), math.floor(c), math.sqrt(p))
print(isinstance(c, float), issubclass(Celsius, float), c.is_integer(), p.as_integer_ratio(), p.hex())
print(f"{c:.2f}", format(p, "e"), "%.1f" % c, "%s %r" % (p, p), str(c), f"{p}")
print(sorted([Plain(3.0), 1.0, Plain(2.0)]), max(p, 1.0), sum([p, p]), [1, 2, 3][int(p)])
p.unit = "m"
print(p.unit, vars(p), p.__dict__)
back = pickle.loads(pickle.dumps(p))
print(type(back).__name__, back, back.unit, back == p)
q = copy.copy(p)
print(type(q).__name__, q, q.unit, copy.deepcopy(c), p.__getnewargs__())
print(Plain(), Plain(7), Plain(True), Plain(float("inf")), math.isnan(Plain("nan")))
try:
    Plain("x")
except ValueError as e:
    print("ValueError:", e)
print({Plain(1.0): "a"}[1], 1.0 in {Plain(1.0)}, complex(p), p.real, p.imag, p.conjugate())


class Money(float):
    def __add__(self, other):
        return Money(float(self) + float(other))

    __radd__ = __add__


m = Money(1.25)
print(type(m + 1).__name__, type(1 + m).__name__, type(1.0 + m).__name__, m + 1.0, sum([m, m], 0.0))
print("%d|%5.1f|%e" % (p, p, p), "{:>8.3f}".format(c), int(Plain(-2.7)), math.trunc(Plain(2.7)))
print(math.ceil(Plain(2.1)), math.floor(Plain(-2.1)), round(Plain(2.675), 2), round(Plain(0.5)))
print(Plain(1e300) * 10, Plain(2) ** 0.5, 7 // Plain(2), 7 % Plain(-2), Plain(5).__round__())
