def countdown(n):
    print(n) if n % 250 == 0 else None
    return countdown(n - 1)

countdown(600)
