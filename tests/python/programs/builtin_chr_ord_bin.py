print(chr(65), chr(0x263A), chr(10) == "\n", ord("a"), ord("€"), ord("\x00"))
print([chr(c) for c in range(ord("a"), ord("f"))])
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
print(bin(10), bin(-10), bin(0), hex(255), hex(-1), hex(10 ** 20), oct(8), oct(-64))
print(int(bin(77), 2), int(hex(77), 16), int(oct(77), 8), format(77, "#b"), format(77, "x"))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
print(ascii("héllo ✓"), repr("héllo ✓"), ascii([b"x", "ü"]))
