class Tracked:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return False

with Tracked("a") as value:
    print("body got", value)

with Tracked("outer"), Tracked("inner") as v:
    print("both", v)

try:
    with Tracked("failing"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

def early():
    with Tracked("early"):
        return "returned"
print(early())

for i in range(3):
    with Tracked(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
