def h(a=1, /, b=2, *c, **d): pass
def k(*, a): pass
def m(*args: *Ts): pass
