# Timing code the tutorial way: timeit.timeit with a statement string and setup, with a callable
# (a lambda, functools.partial), globals=, Timer.repeat and autorange, default_timer; the
# numbers themselves vary, so the program prints what they are, not their values.
import functools
import timeit
from timeit import default_timer as timer


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


t = timeit.timeit("sorted(data)", setup="import random\ndata = [random.random() for _ in range(50)]",
                  number=20)
print(type(t).__name__, t >= 0)
print(timeit.timeit(lambda: fib(10), number=5) >= 0)
print(timeit.timeit(functools.partial(fib, 8), number=3) >= 0)
print(timeit.timeit("fib(5)", globals=globals(), number=10) >= 0)
timer_obj = timeit.Timer("x = [i * i for i in range(n)]", setup="n = 30")
runs = timer_obj.repeat(repeat=3, number=10)
print(len(runs), all(r >= 0 for r in runs), min(runs) <= max(runs))
tries = []
number, taken = timeit.Timer("time.sleep(0.11)", "import time").autorange(
    lambda n, t: tries.append(n))
print(number == tries[-1], taken >= 0.2, tries[0], number >= 2)
start = timer()
fib(12)
print(f"{timer() - start < 5}", timeit.default_timer is timer, timeit.default_number)
for bad in (3, None):
    try:
        timeit.Timer(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    timeit.timeit("1 / 0", number=1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
