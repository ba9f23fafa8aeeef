class Base:
    pass
class Child(Base):
    pass
c = Child()
print(isinstance(c, Base), isinstance(c, (int, Child)), isinstance(3, (str, float)), isinstance(True, int))
print(issubclass(Child, Base), issubclass(Base, Child), issubclass(bool, (str, int)), issubclass(int, object))
print(type(c) is Child, type(c) == Base, type(3), type("s"), type(None), type(type))
try:
    isinstance(c, "Base")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(c, Base)
except TypeError as e:
    print("TypeError:", e)
setattr(c, "color", "red")
print(getattr(c, "color"), hasattr(c, "color"), hasattr(c, "size"), getattr(c, "size", "no size"))
delattr(c, "color")
print(hasattr(c, "color"), vars(c))
try:
    getattr(c, "size")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr("text", "upper")(), getattr([], "__len__")(), hasattr(5, "real"))
print(callable(len), callable(Child), callable(c), callable(lambda: 0))
