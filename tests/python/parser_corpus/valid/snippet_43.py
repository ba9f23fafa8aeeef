return_value = f(a)[0] if a else None
print(*args, sep='', end='\n', file=sys.stderr, flush=True)
