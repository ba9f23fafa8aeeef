class Key:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()

    def __hash__(self):
        return hash(self.name.lower())

class NoHash:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

print(Key("A") == Key("a"), Key("A") != Key("b"), Key("A") == "A")
d = {Key("Alpha"): 1}
d[Key("ALPHA")] = 2
print(len(d), list(d.values()))
print(len({Key("x"), Key("X"), Key("y")}))
print(NoHash.__hash__ is None)
try:
    {NoHash(1)}
except TypeError as e:
    print("TypeError:", e)

class Plain:
    pass

p = Plain()
print(p == p, p == Plain(), hash(p) == hash(p))
print(NoHash(1) == NoHash(1), NoHash(1) != NoHash(2))
