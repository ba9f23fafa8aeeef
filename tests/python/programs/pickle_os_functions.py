# os's process functions live in the module posix (as CPython on Linux): their __module__ and
# what pickle writes for them say so, and they unpickle to the same functions, in a child too.
import multiprocessing as mp
import os
import pickle
import posix


def call(f):
    return f.__name__, f.__module__


if __name__ == "__main__":
    for f in (os.getpid, os.getppid, os.cpu_count, os._exit):
        data = pickle.dumps(f)
        print(f.__module__, f.__qualname__, data, pickle.loads(data) is f, getattr(posix, f.__name__) is f)
    print(repr(os.getpid))
    with mp.Pool(1) as pool:
        print(pool.map(call, [os.getpid, os.cpu_count]))
