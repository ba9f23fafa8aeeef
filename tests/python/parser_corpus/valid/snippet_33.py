for i, (a, b) in enumerate(x):
    continue
else:
    break
while True:
    pass
else:
    pass
