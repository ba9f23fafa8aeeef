def f(a, b, c=1, *, d=2, e, **f): pass
def g(a, /): pass
def h(*, a=1, b): pass
