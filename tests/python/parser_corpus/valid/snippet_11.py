def g(a, b, /, c, *, d): pass
