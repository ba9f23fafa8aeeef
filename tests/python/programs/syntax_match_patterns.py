# match: literal, singleton, capture, wildcard, value, sequence, mapping, as, or and guards.
import enum
from collections import defaultdict, deque


class Color(enum.Enum):
    RED = 1
    GREEN = 2


LIMIT = 10


class Config:
    limit = 3


def kind(x):
    match x:
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case 0 | 0.0:
            return "zero"
        case -1:
            return "minus one"
        case "stop" | b"stop":
            return "stop word"
        case Color.RED:
            return "red"
        case Config.limit:
            return "the limit"
        case ():
            return "empty sequence"
        case [x]:
            return f"one item {x!r}"
        case [1, 2, *rest] if rest:
            return f"1, 2 and {rest}"
        case [first, *_, last]:
            return f"first {first!r} last {last!r}"
        case {"op": "add", "args": [a, b]}:
            return f"add {a + b}"
        case {"op": op, **others}:
            return f"op {op} with {sorted(others)}"
        case {}:
            return "a mapping"
        case str() as s if len(s) > 3:
            return f"long text {s!r}"
        case str(s):
            return f"short text {s!r}"
        case (int() | float()) as n if n > LIMIT:
            return "big number"
        case int(n) | float(n):
            return f"number {n}"
        case _:
            return f"other {type(x).__name__}"


values = [None, True, False, 0, 0.0, -1, "stop", b"stop", Color.RED, Color.GREEN, 3, (),
          [], [7], (8,), "ab", "abcd", [1, 2], [1, 2, 3, 4], (1, 2, 3), range(4), deque([5, 6, 7]),
          {"op": "add", "args": [2, 3]}, {"op": "add", "args": (2, 3, 4)},
          {"op": "mul", "x": 1, "y": 2}, {"x": 1}, {}, 42, 2.5, 11.5, {1, 2}, "xyz"[1:], b"ab"]
for v in values:
    print(repr(v), "->", kind(v))

# Capture order in or-patterns, bindings after the match, a case that binds nothing.
for item in [(1, "a"), ("b", 2), [3, 4], "skip"]:
    match item:
        case (int(n), str(s)) | (str(s), int(n)):
            print("pair", n, s)
        case [a, b]:
            print("numbers", a, b)
        case _:
            pass
print("last bound:", a, b)

# A mapping pattern uses .get and never creates keys in a defaultdict.
counts = defaultdict(int, {"hits": 3})
match counts:
    case {"misses": m}:
        print("misses", m)
    case {"hits": h}:
        print("hits", h, "keys", sorted(counts))

# The subject is evaluated once; strings and bytes are not sequences.
calls = []


def subject():
    calls.append(1)
    return "seq"


match subject():
    case [*chars]:
        print("chars", chars)
    case "seq":
        print("matched the string, subject evaluated", len(calls), "time")

# Nested patterns and a guard that reads a capture.
events = [("move", (1, 2)), ("move", (0, 0)), ("say", "hi"), ("quit",)]
for ev in events:
    match ev:
        case ("move", (0, 0)):
            print("stay")
        case ("move", (x, y)) if x > 0:
            print("move right to", x, y)
        case ("say", text):
            print("say", text)
        case ("quit",):
            print("quit")

# Sequence and mapping patterns accept collections.abc subclasses too.
import collections.abc


class Pair(collections.abc.Sequence):
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if not 0 <= i < 2:
            raise IndexError(i)
        return i * 10


class Settings(collections.abc.Mapping):
    def __init__(self, **kw):
        self._d = kw

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


match Pair():
    case [a, b]:
        print("Sequence subclass", a, b)
match Settings(mode="fast", level=2):
    case {"mode": mode, **rest}:
        print("Mapping subclass", mode, rest)
