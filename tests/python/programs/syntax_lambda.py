square = lambda x: x * x
print(square(7))
print((lambda a, b=3: a * b)(4))
print((lambda *a, **k: (a, k))(1, 2, x=3))
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(list(map(lambda s: s.upper(), ["x", "y"])))
print(list(filter(lambda n: n % 3 == 0, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(square.__name__, square.__qualname__)
