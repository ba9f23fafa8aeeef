print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(0, 0))
print(pow(3, 200, 1000007), pow(7, 123456789, 10 ** 9 + 7))
print(pow(3, -1, 11), pow(38, -1, 97))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3))
print(10 ** 20, 10 ** -2, (-1) ** 1001)
print(pow(2, 200) % 1000, 5 ** 3 ** 2, (5 ** 3) ** 2)
print(0 ** 5, 1 ** 1000000)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
