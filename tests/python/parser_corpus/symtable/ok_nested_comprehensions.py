def f(m):
    return [[c * r for c in row] for r, row in enumerate(m) if r]
g = {k: [v for v in vs] for k, vs in d.items()}
