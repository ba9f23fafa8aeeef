class Swallow:
    def __init__(self, *kinds):
        self.kinds = kinds

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            print("swallowed", exc_type.__name__)
            self.caught = exc
            return True
        return None

with Swallow(ZeroDivisionError) as s:
    1 / 0
    print("not reached")
print("after", type(s.caught).__name__)

try:
    with Swallow(ZeroDivisionError):
        [][0]
except IndexError as e:
    print("IndexError passed through:", e)

with Swallow(LookupError):
    {}["missing"]
print("done")
