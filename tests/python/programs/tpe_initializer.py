# initializer/initargs run once in each worker before its first call; a failing initializer
# breaks the pool: pending and later submissions get BrokenThreadPool.
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.thread import BrokenThreadPool
import threading

local = threading.local()
seen = []
seen_lock = threading.Lock()


def setup(tag, start):
    local.tag = tag
    local.count = start
    with seen_lock:
        seen.append(tag)


def work(x):
    local.count += 1
    return local.tag, x * x


with ThreadPoolExecutor(max_workers=1, initializer=setup, initargs=("w", 10)) as pool:
    print(list(pool.map(work, range(4))))
    print(pool.submit(lambda: local.count).result())
print(seen)


def bad_setup():
    raise ValueError("no database")


pool = ThreadPoolExecutor(max_workers=1, initializer=bad_setup)
f = pool.submit(abs, -5)
try:
    f.result()
except BrokenThreadPool as e:
    print("BrokenThreadPool:", e)
try:
    pool.submit(abs, -6)
except BrokenThreadPool as e:
    print("again:", e)
pool.shutdown()
print(issubclass(BrokenThreadPool, RuntimeError))
