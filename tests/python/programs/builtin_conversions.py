print(int("12"), float("1.5"), str(12), str(1.5), bool("x"), list("ab"), tuple([1]), set("aa"))
print(float(3), float("  -7 "), float("1e3"), float(".5"), float("5."), int(float("7.9")))
print(str(1e100), str(10 ** 10), str([1.0, "a"]), str((1,)), str({1: "b"}))
print(int(" 0b11 ", 0), int("-0x1a", 16), complex is not None)
for bad in ["1.2.3", "abc", "", "1e"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float([1])
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
print(dict([(1, 2)]), list({1: "x"}.items()), tuple("xy"), frozenset([1]))
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
