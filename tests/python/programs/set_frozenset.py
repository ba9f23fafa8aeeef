f = frozenset([3, 1, 2])
print(f, len(f), 2 in f, f | {9}, type(f | {9}).__name__, type({9} | f).__name__)
d = {f: "frozen key", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()])
print(frozenset("aab") == frozenset("ab"), frozenset({1}) == {1}, hash(frozenset()) == hash(frozenset()))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
groups = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(groups))
print(repr(frozenset()), frozenset([5]))
