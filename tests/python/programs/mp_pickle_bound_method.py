# Bound methods pickle as getattr(obj, name) (CPython 3.11's method __reduce__): a Process
# target, a pool function, pickle.dumps/loads; an unpicklable object's method fails as the
# object would.
import multiprocessing as mp
import pickle
import threading


class Counter:
    def __init__(self, start):
        self.start = start

    def add(self, x):
        return self.start + x


class Holder:
    def __init__(self):
        self.lock = threading.Lock()

    def work(self):
        return 1


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=q.put, args=(1,))
    p.start()
    print("from the child:", q.get())
    p.join()
    print("exitcode", p.exitcode)

    c = Counter(10)
    with mp.Pool(2) as pool:
        print(pool.map(c.add, [1, 2, 3]))

    data = pickle.dumps(c.add)
    print(data)
    m = pickle.loads(data)
    print(type(m).__name__, m.__name__, m(5), m.__self__ is c)

    print(pickle.dumps([].append))
    print(pickle.loads(pickle.dumps([1, 2].count))(2))
    print(pickle.dumps("a-b".split))
    # Builtins bound to a module are globals.
    import os
    print(pickle.loads(pickle.dumps(os.getpid)) is os.getpid)

    for f in (Holder().work, threading.Lock().acquire):
        try:
            pickle.dumps(f)
        except Exception as e:
            print(type(e).__name__, e)
    try:
        pickle.dumps((lambda: 0).__call__)
    except Exception as e:
        msg = str(e)
        at = msg.find(" at 0x")
        print(type(e).__name__, msg[:at] + msg[msg.find(">", at):])
