a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b, a - b)
print(a * b)
print(a // 7, a % 7, -a // 7, -a % 7)
print(divmod(b, a), divmod(-b, a))
print(a == 1267650600228229401496703205376, a > b, -a < -b)
print(2 ** 64 - 1, 2 ** 63, -(2 ** 63) - 1)
print((2 ** 64) * (2 ** 64) == 2 ** 128)
n = 1
for i in range(1, 41):
    n *= i
print(n)
print(n // (2 ** 30), n % 1000003)
print(abs(-a), -(-a) == a, +a == a)
print(a.bit_length(), (a - 1).bit_length(), (-a).bit_length())
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(int("9" * 30) + 1)
print(123456789 ** 5)
