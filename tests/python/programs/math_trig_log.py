import math

# Transcendental functions can differ in the last bit between C libraries: round them.
def r(x):
    return round(x, 12)

print(math.sin(0), math.cos(0), math.tan(0), r(math.sin(math.pi / 2)), r(math.cos(math.pi)))
print(abs(math.sin(math.pi)) < 1e-15, math.sin(math.pi) != 0)
print(r(math.asin(1)), math.acos(1), r(math.atan(1)), r(math.atan2(1, -1)), math.atan2(-0.0, -1) < 0)
print(math.degrees(math.pi), math.radians(180), r(math.sinh(1)), math.cosh(0), r(math.tanh(0.5)))
print(r(math.exp(1)), math.exp(0), math.log(1), r(math.log(math.e)), math.log2(1024), math.log10(1000))
print(r(math.log(8, 2)), r(math.log(100, 10)), r(math.log(2 ** 1000)), math.log10(0.001))
print(math.pow(2, 0.5) == math.sqrt(2), math.pow(2, 10), r(math.cbrt(27)))
print(math.isfinite(math.exp(700)), math.isinf(math.inf), math.isnan(math.inf - math.inf))
try:
    math.log(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.acos(2)
except ValueError as e:
    print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
print(r(math.sin(1) ** 2 + math.cos(1) ** 2))
