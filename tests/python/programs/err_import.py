try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name)
    print(isinstance(e, ImportError))
try:
    from math import no_such_function
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import os.nothing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
import math as m, collections.abc
print(m.floor(2.5), hasattr(collections.abc, "Iterable"))
from itertools import count as counter
print(next(counter(5)))
