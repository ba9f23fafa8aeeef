def f():
    x = 1
    del x
    y += 1
    z.w += 1
    q[0] = 1
