import copy
import operator

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(b, c, b[1] is a[1], c[1] is a[1])

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point([1], 2)
q = copy.copy(p)
r = copy.deepcopy(p)
p.x.append(7)
print(q, r, q.x is p.x)
shared = [0]
pair = [shared, shared]
dup = copy.deepcopy(pair)
print(dup[0] is dup[1], dup[0] is shared)
cyc = [1]
cyc.append(cyc)
print(copy.deepcopy(cyc)[1][1][0])

print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(5), operator.truth([]), operator.contains([1, 2], 2))
getter = operator.itemgetter(1)
pair_getter = operator.itemgetter(0, 2)
print(getter("abc"), pair_getter("abc"), sorted([(1, "b"), (0, "a")], key=operator.itemgetter(1)))
print(repr(operator.itemgetter(1)), repr(operator.attrgetter("x", "y")), repr(operator.methodcaller("split", ",")))
print(operator.attrgetter("x")(Point(3, 4)), operator.methodcaller("upper")("hi"), operator.index(7))
print(operator.iadd([1], [2]), operator.eq(1, 1.0), operator.getitem({"a": 1}, "a"))
