# ThreadPoolExecutor starts its workers lazily, one per submit while none is idle, up to
# max_workers, and names them "ThreadPoolExecutor-<pool>_<n>" or "<prefix>_<n>".
from concurrent.futures import ThreadPoolExecutor
import os
import threading

release = threading.Event()


def blocked(i):
    release.wait()
    return threading.current_thread().name


before = threading.active_count()
pool = ThreadPoolExecutor(max_workers=4)
print("threads before any submit:", threading.active_count() - before)
first = pool.submit(blocked, 0)
print("after one submit:", threading.active_count() - before)
more = [pool.submit(blocked, i) for i in range(1, 6)]
print("after six submits (max 4):", threading.active_count() - before)
release.set()
names = sorted({f.result() for f in [first] + more})
print(all(n.startswith("ThreadPoolExecutor-") for n in names))
print(sorted(n.rsplit("_", 1)[1] for n in names) == ["0", "1", "2", "3"][:len(names)])
pool.shutdown()
print("after shutdown:", threading.active_count() - before)

with ThreadPoolExecutor(max_workers=2, thread_name_prefix="fetcher") as named:
    print(named.submit(lambda: threading.current_thread().name).result())

default = ThreadPoolExecutor()
print(default._max_workers == min(32, (os.cpu_count() or 1) + 4))
default.shutdown()

try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
try:
    ThreadPoolExecutor(initializer=42)
except TypeError as e:
    print("TypeError:", e)
