for n in range(2, 12):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
i = 0
while i < 3:
    i += 1
else:
    print("while finished normally at", i)
while True:
    i -= 1
    if i == 0:
        break
else:
    print("not printed")
for _ in []:
    pass
else:
    print("empty loop still runs else")
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
