def f(a, /, b, c=1, *args, d, e=2, **kw):
    return a, b, c, args, d, e, kw
g = lambda x, *y, z=3, **w: x
