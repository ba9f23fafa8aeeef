class Box:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)

class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("  __bool__ asked")
        return self.on

print(bool(Box([])), bool(Box([1])))
if Flag(True):
    print("flag on")
print(not Flag(False))
print(Flag(False) or "fallback")
print([x for x in (Box([]), Box([0]), Box([0, 0])) if x].__len__())

class BadLen:
    def __len__(self):
        return -1

try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
