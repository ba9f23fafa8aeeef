n = 1000
print(n.to_bytes(2, "big"), n.to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\xff\xff", "big"), int.from_bytes(b"\xff\xff", "big", signed=True))
try:
    (1000).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
print((10).as_integer_ratio(), (7).numerator, (7).denominator, (7).real, (7).imag)
print((5).conjugate(), int.__name__, (3).__add__(4), (3).__radd__(4))
print(isinstance(True, int), int.__mro__)
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(abs(-7), hash(7), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100))
print(format(10, "b"), format(-10, "08b"), format(10 ** 20, ","))
