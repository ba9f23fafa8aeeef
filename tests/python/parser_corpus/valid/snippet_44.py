a = b if c else (lambda: d)
e = lambda: (yield)
f = not -x
