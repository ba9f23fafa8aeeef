x = f'{a!a}' f'{b!s}' f"{c:%Y-%m-%d}"
