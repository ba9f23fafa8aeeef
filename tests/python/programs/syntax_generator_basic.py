def countdown(n):
    print("  start")
    while n > 0:
        yield n
        n -= 1
    print("  end")

gen = countdown(3)
print(type(gen).__name__)
print(next(gen))
print(list(gen))
print(next(gen, "exhausted"))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

print(sum(evens(range(10))))
squares = (x * x for x in range(5))
print(type(squares).__name__, list(squares), list(squares))
