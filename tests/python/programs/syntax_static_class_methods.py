class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1

    @classmethod
    def created(cls):
        return f"{cls.__name__}: {cls.instances}"

    @staticmethod
    def double(x):
        return x * 2

class Sub(Counter):
    pass

Counter()
Counter()
Sub()
print(Counter.created(), Sub.created())
print(Counter.double(21), Counter().double(4))
print(Counter.instances)
print(type(Counter.__dict__["double"]).__name__, type(Counter.__dict__["created"]).__name__)
