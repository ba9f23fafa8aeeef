# copy.copy and copy.deepcopy use a class's own __reduce__ / __reduce_ex__ (as CPython's copy
# module does through __reduce_ex__(4)): user classes, defaultdict, range's iterators.
import copy
from collections import defaultdict


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __reduce__(self):
        print("reduce", self.x, self.y)
        return (Point, (self.x, self.y), {"tag": [self.x]})


p = Point(1, [2])
c = copy.copy(p)
d = copy.deepcopy(p)
print(c.x, c.y is p.y, c.tag, d.y == p.y, d.y is p.y)


class Stateful:
    def __init__(self):
        self.calls = []

    def __reduce_ex__(self, proto):
        return (Stateful, (), None, iter([]), None)

    def __setstate__(self, state):
        self.calls.append(state)


print(type(copy.copy(Stateful())).__name__)


class Bag(list):
    def __reduce__(self):
        return (Bag, (), {"label": "bag"}, iter(self))


b = Bag([1, [2]])
cb = copy.deepcopy(b)
print(cb, cb.label, cb[1] is b[1])

dd = defaultdict(list, {"a": [1]})
dc = copy.deepcopy(dd)
dc["b"].append(2)
print(dict(dc), dc["a"] is dd["a"], dc.default_factory)

it = iter(range(2**64))
next(it)
ci = copy.copy(it)
print(type(ci).__name__, next(ci), next(it), next(ci))
it = iter(range(10))
next(it)
print(list(copy.deepcopy(it)), list(it))
