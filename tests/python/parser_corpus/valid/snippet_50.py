x = 1 if 2 else 3 if 4 else 5
y = [i for i in (1, 2) if i if not i]
