log = []

def risky(n):
    if n % 2:
        raise ValueError(f"odd {n}")
    return n

def wrapper(n):
    try:
        return risky(n)
    except ValueError:
        log.append(n)
        raise

for n in range(4):
    try:
        print("ok", wrapper(n))
    except ValueError as e:
        print("re-raised:", e)
print(log)

try:
    try:
        raise TypeError("first")
    except TypeError as e:
        err = e
    raise err
except TypeError as e:
    print("raised again:", e, e is err)

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
