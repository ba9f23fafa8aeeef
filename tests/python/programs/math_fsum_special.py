# math.fsum is correctly rounded (the half-even fix-up across partials) and treats infinities,
# nans and overflow as CPython does.
import math

print(math.fsum([1e-16, 1, 1e16]), sum([1e-16, 1, 1e16]))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([]), math.fsum(iter([2, 3])))
print(math.fsum([1, -1e100, 1e100, 1e-300]), math.fsum([1e308, -1e308, 5.0]))
inf, nan = float("inf"), float("nan")
print(math.fsum([inf, 1.0]), math.fsum([1.0, -inf, 2.0]), math.fsum([inf, inf]),
      math.fsum([nan, 1.0]), math.fsum([inf, nan]))
for data in ([inf, -inf], [1e308, 1e308]):
    try:
        math.fsum(data)
    except (ValueError, OverflowError) as e:
        print(f"{type(e).__name__}: {e}")
