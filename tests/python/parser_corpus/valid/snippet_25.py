print(f'{x!r:>{width}} {y=} {z = !s:^10} {{literal}} {a["k"] if 0 else b}')
