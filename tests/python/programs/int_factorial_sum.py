import math
f = math.factorial(100)
print(f)
print(sum(int(d) for d in str(f)))
print(len(str(math.factorial(500))))
print(str(2 ** 1000)[:20], str(2 ** 1000)[-20:])
fibs = [0, 1]
while len(fibs) < 200:
    fibs.append(fibs[-1] + fibs[-2])
print(fibs[199])
print(fibs[199] % 10 ** 9, fibs[199] // fibs[198])
print(math.comb(100, 50))
print(3 ** 500 - 3 ** 499 * 3, (7 ** 77) % (10 ** 12))
