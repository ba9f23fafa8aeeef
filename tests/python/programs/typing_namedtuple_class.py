# typing.NamedTuple in class syntax, as tutorials declare their records: annotated fields,
# defaults, methods and a docstring on the class, _replace/_asdict, the functional form, and
# CPython's errors for a field without default after one with.
import threading
from typing import NamedTuple


class Result(NamedTuple):
    """One worker's result."""
    worker: str
    value: int
    ok: bool = True

    def describe(self):
        return f"{self.worker}: {self.value} ({'ok' if self.ok else 'failed'})"


results = []
lock = threading.Lock()


def work(n):
    r = Result(f"w{n}", n * n, ok=n != 2)
    with lock:
        results.append(r)


threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
results.sort()
for r in results:
    print(r, r.describe())
print(Result.__doc__, Result._fields, Result._field_defaults, Result.__annotations__)
print(results[0]._replace(value=-1), results[1]._asdict(), isinstance(results[0], tuple))
print(Result("x", 1) == ("x", 1, True), Result.__name__, Result.__module__, Result.__bases__)
Employee = NamedTuple("Employee", [("name", str), ("id", int)])
print(Employee("Ada", 1), Employee.__annotations__)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(NamedTuple):
        x: int

        def _asdict(self):
            return {}
except AttributeError as e:
    print("AttributeError:", e)
