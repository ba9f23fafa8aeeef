def f():
    global g
    nonlocal n
    del a, b[0], c.d, (e, f), [g]
    assert x, 'msg'
    yield
    yield 1, 2
    x = yield from gen()
    y = yield
