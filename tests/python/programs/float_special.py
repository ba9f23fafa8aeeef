import math
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(nan), inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(nan == nan, nan != nan, nan is nan, nan in [nan], [nan] == [nan])
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1e308), math.isfinite(inf))
print(-0.0, 0.0 == -0.0, math.copysign(1, -0.0), str(-0.0), 1 / inf)
print(sorted([3.0, -inf, 1.0, inf, -1.0]))
print(max(inf, 1e308), min(nan, 1.0), min(1.0, nan))
print(float("Infinity"), float("-iNF"), float("NaN"), float("+nan"))
print(hash(inf), hash(-inf), hash(0.0), hash(-0.0), hash(1.0) == hash(1), hash(0.5))
try:
    float("one")
except ValueError as e:
    print("ValueError:", e)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
print("round(inf) raises:", end=" ")
try:
    round(inf)
except OverflowError as e:
    print("OverflowError:", e)
