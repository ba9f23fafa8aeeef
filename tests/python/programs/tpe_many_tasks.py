# Many small tasks on a few workers sharing a counter under a lock: every call runs exactly once.
from concurrent.futures import ThreadPoolExecutor, as_completed
import threading

counter = 0
lock = threading.Lock()


def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
    return n


with ThreadPoolExecutor(max_workers=4) as pool:
    futures = [pool.submit(add, n % 7) for n in range(300)]
    total = sum(f.result() for f in as_completed(futures))
print(total, counter, total == counter)
with ThreadPoolExecutor(max_workers=3) as pool:
    print(sum(pool.map(lambda x: x * x, range(1000))))
