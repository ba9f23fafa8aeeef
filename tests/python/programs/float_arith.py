print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(3 * 0.1, 0.1 * 3, 1 - 0.9, 100 * 1.1)
print(7 / 2, 7.0 // 2, 7.0 % 2, -7.0 // 2, 2 ** 0.5, 10 ** -1)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(sum([0.1] * 10), 0.1 * 10)
total = 0.0
for _ in range(10):
    total += 0.1
print(total, total == 1.0)
print(float.is_integer(3.0), (3.5).is_integer(), (0.75).as_integer_ratio(), (0.1).as_integer_ratio())
print(int(2.9), int(-2.9), round(2.9), round(-2.9))
print(1 / 3 * 3, 2.0 ** 1023 * 2 ** 0, 2 ** 1023 * 2.0)
try:
    2.0 ** 1024
except OverflowError as e:
    print("OverflowError:", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError:", e)
print(1.0 == 1, 1.5 > 1, 2 ** 53 == float(2 ** 53), 2 ** 53 + 1 == float(2 ** 53 + 1))
print(max(1, 1.0), max(1.0, 1), min(-0.0, 0.0), 3 + 0.0)
