def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"

a = [1, 2]
b = (3,)
c = {"x": 1}
d = {"y": 2}
print(show(*a, *b))
print(show(0, *a, 9, *b, **c, z=3, **d))
print(show(*"hi", **dict(k="v")))
print(show(*range(3), *[], **{}))
try:
    show(**c, **{"x": 5})
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{1: "non-string key"})
except TypeError as e:
    print("TypeError:", e)
try:
    show(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**[1])
except TypeError as e:
    print("TypeError:", e)
first, *rest = [*a, *b]
print(first, rest, [*a, *b, *"z"], (*a,), {*a}, {**c, **d})
