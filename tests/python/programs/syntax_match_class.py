# Class patterns: __match_args__, keyword sub-patterns, dataclasses, namedtuples, builtins
# matching themselves, and the errors class patterns raise.
from collections import namedtuple
from dataclasses import dataclass


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


@dataclass
class Job:
    name: str
    priority: int = 0


Pair = namedtuple("Pair", "left right")


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(0, y=y):
            return f"on the y axis at {y}"
        case Point(x=x, y=y) if x == y:
            return f"on the diagonal at {x}"
        case Point():
            return "somewhere"
        case Job(name, priority=p) if p > 5:
            return f"urgent job {name}"
        case Job(name=n):
            return f"job {n}"
        case Pair(l, r):
            return f"pair {l}/{r}"
        case int(n) | str(n):
            return f"builtin {n!r}"
        case list([first, *_]):
            return f"list from {first}"
        case dict({"k": v}):
            return f"dict with k={v}"
        case _:
            return "unknown"


for p in [Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 2), Job("build", 9),
          Job("test"), Pair(1, 2), 5, "s", [9, 8], {"k": 1}, 2.5]:
    print(where(p))


class Two:
    __match_args__ = ("a",)
    a = 1


class Bad:
    __match_args__ = ["a"]


class NotStr:
    __match_args__ = (1,)


tests = [
    ("too many positional", lambda: where_two(Two())),
    ("match args not a tuple", lambda: match_one(Bad())),
    ("match args element", lambda: match_one(NotStr())),
    ("not a type", lambda: match_not_type(1)),
    ("int takes one", lambda: match_int_two(3)),
    ("repeated attribute", lambda: match_repeat(Point(1, 2))),
]


def where_two(v):
    match v:
        case Two(a, b):
            return a, b


def match_one(v):
    match v:
        case Bad(a) | NotStr(a):
            return a


def match_not_type(v):
    f = len
    match v:
        case f():
            return "?"


def match_int_two(v):
    match v:
        case int(a, b):
            return a


def match_repeat(v):
    match v:
        case Point(x, x=y):
            return y


for label, t in tests:
    try:
        print(label, t())
    except TypeError as e:
        print(label, "TypeError:", e)

# Missing attributes simply fail to match.
class Empty:
    __match_args__ = ("missing",)


match Empty():
    case Empty(m):
        print("matched", m)
    case _:
        print("no attribute, no match")
