t = 1, 2, *r
for x in *a, b:
    pass
