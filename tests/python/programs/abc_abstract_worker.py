# An abstract base class for workers (abc.ABC, @abstractmethod): the base and a subclass that
# forgets a method cannot be instantiated (CPython's TypeError text), a complete subclass runs in
# threads; abstract properties and classmethods; register() for a virtual subclass.
import threading
from abc import ABC, ABCMeta, abstractmethod


class Worker(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    def process(self, item):
        """Handles one item."""

    @property
    @abstractmethod
    def kind(self):
        ...

    def run(self, items, out):
        for item in items:
            out.append(f"{self.name}({self.kind}): {self.process(item)}")


class Squarer(Worker):
    kind = "square"

    def process(self, item):
        return item * item


class Forgetful(Worker):
    def process(self, item):
        return item


for cls in (Worker, Forgetful):
    try:
        cls("x")
    except TypeError as e:
        print("TypeError:", e)
print(sorted(Worker.__abstractmethods__), Squarer.__abstractmethods__, type(Worker).__name__)

out = []
workers = [Squarer(f"w{i}") for i in range(2)]
threads = [threading.Thread(target=w.run, args=([i, i + 1], out)) for i, w in enumerate(workers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(out))


class Plugin(metaclass=ABCMeta):
    @classmethod
    @abstractmethod
    def create(cls):
        ...


try:
    Plugin()
except TypeError as e:
    print("TypeError:", e)


class Legacy:
    pass


Plugin.register(Legacy)
print(issubclass(Legacy, Plugin), isinstance(Legacy(), Plugin), isinstance(3, Plugin))
print(isinstance(Squarer("s"), Worker), issubclass(Squarer, Worker), issubclass(int, Worker))
try:
    Plugin.register(3)
except TypeError as e:
    print("TypeError:", e)
