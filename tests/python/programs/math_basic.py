import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 30))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.0), math.ceil(5))
print(math.fabs(-3), math.copysign(3, -0.0), math.fmod(7, -3), 7 % -3, math.remainder(7, 3))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(3, 5, 7))
print(math.factorial(10), math.comb(10, 3), math.perm(5, 2), math.perm(5))
print(math.hypot(3, 4), math.dist((0, 0), (3, 4)), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(2.5)
except TypeError as e:
    print("TypeError:", e)
try:
    math.isqrt(-1)
except ValueError as e:
    print("ValueError:", e)
