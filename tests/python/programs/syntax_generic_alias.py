# Subscripted builtin types are types.GenericAlias objects (annotations, type hints), and
# types.SimpleNamespace.
import types

aliases = [list[str], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[None],
           frozenset[bytes], dict[str, "Job"], list[types.SimpleNamespace]]
for a in aliases:
    print(repr(a))
print(type(list[int]), list[int] == list[int], list[int] != list[str], hash(list[int]) == hash(list[int]))
print(list[int].__origin__, list[int].__args__, dict[str, int].__args__)
print(list[int]((1, 2)), dict[str, int](a=1), tuple[int, ...]([3]))
print(list[int].append is list.append, isinstance(list[int], types.GenericAlias))
for check in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int])):
    try:
        check()
    except TypeError as e:
        print("TypeError:", e)


class Registry(dict[str, int]):
    pass


r = Registry(x=1)
print(Registry.__mro__[1], r)

queue_items: list[tuple[int, str]] = []
print(__annotations__)


def handler(jobs: list[dict[str, int]], timeout: float = 1.0) -> dict[str, list[int]]:
    return {}


print(handler.__annotations__["jobs"], handler.__annotations__["return"])

ns = types.SimpleNamespace(name="worker", count=3)
ns.count += 1
print(ns, ns.name, ns.count, ns == types.SimpleNamespace(name="worker", count=4))
print(types.SimpleNamespace())

# X | Y of types is a types.UnionType (PEP 604).
unions = [int | str, int | None, None | int, list[int] | None, int | str | int, (int | str) | float,
          int | (str | bytes), int | int]
for u in unions:
    print(repr(u), type(u).__name__)
print((int | str).__args__, (int | None).__args__, int | str == str | int, hash(int | str) == hash(str | int))
print(isinstance(3, int | str), isinstance(None, int | None), isinstance(2.5, int | str), issubclass(bool, int | str))
for bad in (lambda: int | "str", lambda: int | 3, lambda: isinstance([], list[int] | None)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def fetch(url: str, timeout: float | None = None) -> bytes | None:
    return None


print(fetch.__annotations__)
