import functools

calls = 0

@functools.lru_cache(maxsize=None)
def fib(n):
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), calls)
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

@functools.lru_cache(maxsize=2)
def square(x):
    print("  computing", x)
    return x * x

for x in (1, 2, 1, 3, 2, 1):
    square(x)
print(square.cache_info())

@functools.cache
def slow_upper(s):
    print("  upper", s)
    return s.upper()

print(slow_upper("a"), slow_upper("a"), slow_upper.cache_info().hits)
