global a, b, c
del x
