# Instances of subclasses of str, int, tuple and bytes have a __dict__: attributes, vars(),
# pickling and copying keep them.
import copy
import pickle
from collections import namedtuple


class Name(str):
    pass


class Count(int):
    pass


class Pair(tuple):
    pass


class Blob(bytes):
    pass


class Tagged(str):
    def __new__(cls, text, tag):
        self = super().__new__(cls, text)
        self.tag = tag
        return self


values = [Name("ada"), Count(7), Pair((1, 2)), Blob(b"\x00ab"), Name(""), Pair(()), Blob(b""),
          Count(2**70), Name("\u00e9t\u00e9" * 5)]
for i, v in enumerate(values):
    v.label = "v%d" % i
    v.extra = [i]
for v in values:
    print(type(v).__name__, repr(v), v.__dict__, vars(v) is v.__dict__)

junk = [Name("x" * n) for n in range(50)]
for n, j in enumerate(junk):
    j.n = [n]
garbage = [str(i) * 100 for i in range(40000)]  # ~8 MiB: a collection the dicts survive
del garbage
print(all(j.n == [n] and len(j) == n for n, j in enumerate(junk)))
print([v.label for v in values])

for v in values:
    data = pickle.dumps(v)
    back = pickle.loads(data)
    print(type(back).__name__, back == v, back.__dict__)

c = copy.copy(values[0])
print(type(c).__name__, c, c.__dict__, c.extra is values[0].extra)
d = copy.deepcopy(values[2])
print(type(d).__name__, d, d.__dict__, d.extra is values[2].extra)

t = Tagged("hello", "greeting")
print(t, t.tag, t.upper(), vars(t))
t.__dict__ = {"tag": "other"}
print(t.tag)
del t.tag
print(hasattr(t, "tag"), vars(t))

P = namedtuple("P", "x y")
p = P(1, 2)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)


class Slotted(str):
    __slots__ = ()


try:
    Slotted("q").a = 1
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(Slotted("q"), "__dict__"), hasattr(Name("q"), "__dict__"))

s = Name("key")
s.meta = 1
print({s: 1}["key"], s == "key", hash(s) == hash("key"), s + "!", type(s + "!").__name__)


# Slots on builtin subclasses: str has room for them; int, bytes and tuple (variable-size
# instances) refuse any nonempty __slots__, even ('__dict__',), and take an empty one.
class Tagged(str):
    __slots__ = ("tag",)


t = Tagged("v")
t.tag = 3
print(t, t.tag)
try:
    t.other = 1
except AttributeError as e:
    print("AttributeError:", e)
for base in (int, bytes, tuple):
    try:
        type("Bad", (base,), {"__slots__": ("x",)})
    except TypeError as e:
        print("TypeError:", e)
    try:
        type("D", (base,), {"__slots__": ("__dict__",)})
    except TypeError as e:
        print("TypeError:", e)
    print(type("Ok", (base,), {"__slots__": ()}).__name__)
print(hasattr(type("D", (str,), {"__slots__": ("__dict__",)})(), "__dict__"))


class Point(tuple):
    pass


try:
    class Deeper(Point):
        __slots__ = "x"
except TypeError as e:
    print("TypeError:", e)
