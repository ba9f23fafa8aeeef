def noisy(v, label):
    print(f"  eval {label}")
    return v

print(noisy(0, "a") and noisy(1, "b"))
print(noisy(2, "a") and noisy(3, "b"))
print(noisy("", "a") or noisy("x", "b"))
print(noisy("y", "a") or noisy("z", "b"))
print(not noisy([], "a"))
name = None
print(name or "anonymous")
print([] or {} or 0 or "" or None)
print(1 and [] and 3)
print(None is None, None == None, None is not False)
x = [1]
y = [1]
print(x == y, x is y, x is not y)
