a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(bin(a & b), bin(~0), bin(-5), hex(-255), oct(-8))
print(-1 >> 10, -16 >> 2, 1 << 100)
print((1 << 100) >> 98, (2 ** 100 - 1) & 0xFF, -(2 ** 70) >> 3)
print((-12) & 0xFF, -12 | 3, -12 ^ 5)
print((255).bit_count(), (-255).bit_count(), (0).bit_length(), (1023).bit_length())
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
x = 0
for bit in (0, 3, 5):
    x |= 1 << bit
print(x, [i for i in range(8) if x >> i & 1])
