registry = {}

def register(cls):
    registry[cls.__name__.lower()] = cls
    return cls

@register
class Circle:
    pass

@register
class Square:
    pass

print(sorted(registry), registry["circle"] is Circle)

class CountCalls:
    def __init__(self, func):
        self.func = func
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.func(*args)

@CountCalls
def greet(name):
    return "hi " + name

print(greet("a"), greet("b"), greet.calls, type(greet).__name__)

class Shape:
    @property
    def kind(self):
        return type(self).__name__.lower()

    @staticmethod
    @CountCalls
    def helper():
        return "static helper"

print(Circle.__mro__[-1].__name__, Shape().kind, Shape.helper(), Shape.helper.calls)
