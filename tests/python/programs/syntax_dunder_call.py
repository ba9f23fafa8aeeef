class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0

    def __call__(self, x, *more):
        self.calls += 1
        return [v * self.k for v in (x,) + more]

triple = Multiplier(3)
print(triple(2))
print(triple(1, 2, 3))
print(triple.calls, callable(triple), callable(5))
print(list(map(Multiplier(10), [1, 2])))

class Adder:
    def __init__(self):
        self.total = 0
    def __call__(self, n):
        self.total += n
        return self

acc = Adder()
acc(1)(2)(3)
print(acc.total)
