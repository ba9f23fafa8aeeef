print(sum([1, 2, 3]), sum([]), sum(range(10), 100), sum([0.1] * 3), sum([1, 2.5]), sum([[1], [2]], []))
print(sum(x / 2 for x in range(4)), sum((True, True, False)), sum([10 ** 20, 1]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(True), abs(-10 ** 30))
print(round(3.7), round(-3.7), round(3.14159, 2), round(10.5), round(11.5), round(7, -1))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(10 ** 20, 7))
print(pow(2, 8), pow(2.0, 3), pow(2, 8, 5), pow(4, 0.5))
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
