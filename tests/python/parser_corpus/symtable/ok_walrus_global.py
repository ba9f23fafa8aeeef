def f():
    global g
    [g := 1 for _ in range(2)]
