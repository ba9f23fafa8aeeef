class Registry:
    items = []
    count = 0

    def add(self, item):
        self.items.append(item)
        self.count += 1

a, b = Registry(), Registry()
a.add("x")
b.add("y")
print(Registry.items, a.count, b.count, Registry.count)

class Outer:
    label = "outer"
    class Inner:
        label = "inner"
        def who(self):
            return self.label
    def make(self):
        return self.Inner()

print(Outer().make().who(), Outer.Inner.__qualname__)

class Private:
    def __init__(self):
        self.__secret = 42
        self._hint = "protected by convention"
    def reveal(self):
        return self.__secret

p = Private()
print(p.reveal(), p._Private__secret, p._hint)
try:
    p.__secret
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(k for k in vars(p)))
