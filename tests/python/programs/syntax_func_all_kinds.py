def f(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return (a, b, c, args, d, e, kwargs)

print(f(1, d=4))
print(f(1, 20, 30, 40, 50, d=4))
print(f(1, c=33, d=4, z=26))
print(f(1, 2, 3, d=4, e=6, b=7))  # b goes to kwargs: it is positional-only

print(f.__defaults__)
print(f.__kwdefaults__)

def g(*, only):
    return only

print(g(only="kw"))

call = lambda x, /, y=1, *, z=2: x + y + z
print(call(1), call(1, 2), call(1, z=10))
