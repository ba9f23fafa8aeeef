class Counter:
    def __init__(self):
        self.value = 0
        self.calls = 0

    def add(self, n):
        self.value += n
        self.calls += 1
        return self

    def get(self):
        return self.value


c = Counter()
for i in range(1000000):
    c.add(i).add(1)
print(c.get(), c.calls)
