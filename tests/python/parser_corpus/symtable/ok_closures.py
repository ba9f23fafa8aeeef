def outer():
    x = 1
    y = 2
    def inner():
        nonlocal y
        y += x
        return z
    return inner
