import string
from typing import Any, Dict, List, Optional, Tuple, Union, Callable, TypeVar

print(string.ascii_lowercase, string.digits, string.punctuation)
print(len(string.printable), string.hexdigits, string.capwords("hello  big world"))
t = string.Template("$who likes ${what}, $$5")
print(t.substitute(who="Ann", what="tea"), t.safe_substitute(who="Bob"))
try:
    t.substitute(who="Cy")
except KeyError as e:
    print("KeyError:", e)
print(string.Formatter().format("{0}-{x}", 1, x=2))

T = TypeVar("T")

def first(items: List[T]) -> Optional[T]:
    return items[0] if items else None

def apply(f: Callable[[int], int], x: int) -> int:
    return f(x)

counts: Dict[str, int] = {"a": 1}
pair: Tuple[int, str] = (1, "x")
maybe: Union[int, None] = None
print(first([3, 4]), first([]), apply(lambda v: v * 2, 21), counts, pair, maybe)
print(first.__annotations__["return"] is not None, T)
