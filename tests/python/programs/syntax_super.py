class Base:
    def __init__(self, value):
        self.value = value
        print("Base init", value)

    def describe(self):
        return f"value={self.value}"

class Child(Base):
    def __init__(self, value, extra):
        super().__init__(value * 2)
        self.extra = extra
        print("Child init", extra)

    def describe(self):
        return super().describe() + f", extra={self.extra}"

class GrandChild(Child):
    def __init__(self):
        super(GrandChild, self).__init__(5, "g")

    def describe(self):
        return "[" + super().describe() + "]"

c = Child(1, "x")
print(c.describe())
g = GrandChild()
print(g.describe())

class Loud(Base):
    @classmethod
    def make(cls):
        return cls(99)

print(Loud.make().describe())
