lambda: 0
lambda x, y=1, *a, z, **k: x
lambda a, /, b: a
