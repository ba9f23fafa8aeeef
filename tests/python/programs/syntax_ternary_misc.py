for n in (-3, 0, 4):
    sign = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, sign)
pass
def stub():
    ...
print(stub())
x: int = 5
y: list[str]
print(x, __annotations__)
def annotated(a: int, b: "str" = "s") -> bool:
    return True
print(annotated.__annotations__)
a = b = c = 0
b += 1
print(a, b, c)
i = j = []
i.append(1)
print(j)
if True: print("one-line if")
for k in range(2): print("one-line for", k)
print(type(...).__name__, type(None).__name__, type(NotImplemented).__name__)
