print(True, False, repr(True), str(False), type(True).__name__)
print(True + True, True * 3, False - 1, True / 2, True // 2, -True, ~True)
print(True == 1, False == 0, (True is True) == 1, hash(True), hash(False))
print(isinstance(False, int), bool.__mro__[1].__name__, bool(0.0), bool("0"), bool([0]))
print(bool(), bool(None), bool(""), bool({}), bool(set()), bool(range(0)), bool(0j == 0))
print({True: "a", 1: "b", 1.0: "c"})
print(sum([True, True, False]), max(False, True), sorted([True, False, True]))
print(None, repr(None), str(None), type(None).__name__, None is None)
print([None] * 2, {None: None}, (None,))
def nothing():
    pass
print(nothing(), nothing() is None, print() is None)
print(f"{True:>6}|{False!r}|{None!r}")
print(True & False, True | False, True ^ True, type(True & 1).__name__)
