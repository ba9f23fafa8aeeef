def two(a, b):
    return a + b

def kw(a, *, flag=False):
    return a

class C:
    def method(self, x):
        return x

calls = [
    lambda: two(1),
    lambda: two(),
    lambda: two(1, 2, 3),
    lambda: two(1, b=2, c=3),
    lambda: two(1, a=1),
    lambda: kw(1, True),
    lambda: kw(flag=True),
    lambda: C().method(),
    lambda: C().method(1, 2),
    lambda: C.method(1),
    lambda: len(),
    lambda: len([], []),
    lambda: (lambda: 0)(1),
    lambda: int("1", 2, 3),
    lambda: "x".split(1, 2, 3),
    lambda: two(**{"a": 1, "b": 2, "z": 0}),
    lambda: C(1),
    lambda: abs(x=1),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
