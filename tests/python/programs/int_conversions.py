print(int("42"), int(" -17 "), int("+5"), int("1_000"), int("0"))
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("101", 2), int("777", 8))
print(int(3.99), int(-3.99), int(True), int(1e18), int(2.5e20))
for bad in ["3.5", "", "12a", "0x10", "1__0", " "]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError:", e)
print(str(-0), str(10 ** 18), repr(7), int.from_bytes(b"\x01\x00", "big"), (256).to_bytes(2, "little"))
