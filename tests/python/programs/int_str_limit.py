import sys
print(sys.get_int_max_str_digits())
big = 10 ** 4299
print(len(str(big)))
too_big = 10 ** 4300
try:
    str(too_big)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(too_big.bit_length(), too_big % 1000)
print(len(hex(too_big)))
sys.set_int_max_str_digits(5000)
print(len(str(too_big)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 6000)))
