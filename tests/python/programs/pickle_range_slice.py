# range and slice pickle as (type, (start, stop, step)), as CPython 3.11 reduces them.
import pickle

for v in (range(10), range(-5, 10 ** 6, 3), range(0), slice(1, None, 2), slice(None),
          slice("a", [1], 2.5)):
    data = pickle.dumps(v)
    print(data)
    back = pickle.loads(data)
    print(repr(back), back == v, type(back).__name__)
print(pickle.loads(pickle.dumps([range(3), range(3)])))
