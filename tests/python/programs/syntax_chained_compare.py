x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6)
print(1 == 1.0 == True, 2 != 3 != 2)
calls = []
def val(n):
    calls.append(n)
    return n
print(val(1) < val(0) < val(2), calls)
calls.clear()
print(val(1) < val(3) < val(2), calls)
print("a" < "b" < "c", [1, 2] < [1, 3], (1, "a") < (1, "b"))
print(1 < x is not None, 3 in [3] in [[3]])
a = b = []
print(a is b is not None, a == b == [])
print((1 < 2) < 3, 1 < (2 < 3))
