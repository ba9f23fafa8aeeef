from dataclasses import dataclass, field
from collections import namedtuple

@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)

@dataclass
class Box:
    items: list
    label: str = "box"

i = Item("pen", 1.5)
print(i, repr(i), str(i))
print(Box([i, Item("cup", tags=["kitchen"])]))
Pair = namedtuple("Pair", ["left", "right"])
p = Pair(1, "two")
print(p, repr(p), [p], {p: p.left})
print(p._asdict(), p._replace(left=3), Pair._fields)
