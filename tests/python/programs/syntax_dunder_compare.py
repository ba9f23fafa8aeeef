class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

vs = [Version(t) for t in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs))
print(max(vs), min(vs))
print(Version("2.0") > Version("1.9"))  # reflected __lt__
print(Version("1.0") >= Version("1.0"))
print(Version("1.0") != Version("1.0"))

class Weird:
    def __lt__(self, other):
        return "truthy string"

print(Weird() < Weird())
try:
    Weird() > 3
except TypeError as e:
    print("TypeError:", e)
