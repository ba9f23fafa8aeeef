from dataclasses import dataclass, field, FrozenInstanceError

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)

print(sorted([Version(1, 2), Version(0, 9, "beta"), Version(1, 0)]))
print(Version(1, 2) > Version(1, 1), Version(1, 0, "a") == Version(1, 0, "b"))

@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float

c = Coord(1.5, 2.5)
try:
    c.lat = 0
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(hash(c) == hash(Coord(1.5, 2.5)), {c: "here"}[Coord(1.5, 2.5)])

@dataclass
class Account:
    owner: str
    balance: float = 0.0
    history: list = field(default_factory=list, init=False)
    def __post_init__(self):
        if self.balance < 0:
            raise ValueError("negative balance")
        self.history.append(f"opened with {self.balance}")

print(Account("ann", 10))
try:
    Account("bob", -1)
except ValueError as e:
    print("ValueError:", e)
