cases = [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.0 // 0.0,
         lambda: 1.5 % 0, lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: 0 ** -1,
         lambda: 0.0 ** -2, lambda: pow(0, -1), lambda: 10 ** 30 // 0, lambda: (2 ** 70) % 0]
for c in cases:
    try:
        c()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
import math
try:
    math.fmod(1, 0)
except ValueError as e:
    print("ValueError:", e)
print(issubclass(ZeroDivisionError, ArithmeticError))
