class Meta:
    """A documented class."""
    def method(self):
        """A documented method."""

print(Meta.__name__, Meta.__qualname__, Meta.__module__)
print(Meta.__doc__, Meta.method.__doc__)
print(Meta().__class__ is Meta, type(Meta), type(type))
print(Meta.method.__name__, Meta.method.__qualname__)

class Slots:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1

s = Slots()
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)

class WithNew:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, v):
        print("__init__", v)

WithNew(5)
print(isinstance(WithNew, type), isinstance(3, object))
