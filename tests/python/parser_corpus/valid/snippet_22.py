f(x for x in y)
f(*a, *b, c=1, **d, e=2)
f(a, *b, c, d=1, *e)
f(**a, **b)
