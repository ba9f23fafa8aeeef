# as_completed yields futures as worker threads finish them; each task here waits for its own
# event, released in reverse order by the loop, so the order is fixed.
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED
from concurrent.futures import FIRST_EXCEPTION, ALL_COMPLETED
import threading

events = [threading.Event() for _ in range(4)]


def task(i):
    events[i].wait()
    if i == 1:
        raise KeyError(i)
    return i * 10


with ThreadPoolExecutor(max_workers=4) as pool:
    fs = {pool.submit(task, i): i for i in range(4)}
    events[3].set()
    for f in as_completed(fs):
        i = fs[f]
        print("finished", i, f.exception() is not None and repr(f.exception()) or f.result())
        if i > 0:
            events[i - 1].set()

gate = threading.Event()
with ThreadPoolExecutor(max_workers=3) as pool:
    quick = pool.submit(pow, 2, 5)
    slow = pool.submit(gate.wait)
    done, not_done = wait([quick, slow], return_when=FIRST_COMPLETED)
    print(sorted(f.result() for f in done), len(not_done))
    done, not_done = wait([quick, slow], timeout=0.01)
    print(len(done), len(not_done))
    gate.set()
    done, not_done = wait([quick, slow], return_when=ALL_COMPLETED)
    print(len(done), len(not_done))

gate2 = threading.Event()
with ThreadPoolExecutor(max_workers=3) as pool:
    hang = pool.submit(gate2.wait)
    boom = pool.submit(task, 1)
    events[1].set()
    done, not_done = wait([hang, boom], return_when=FIRST_EXCEPTION)
    print([type(f.exception()).__name__ for f in done], len(not_done))
    gate2.set()
    try:
        for f in as_completed([hang], timeout=5):
            print("as_completed after set:", f.result())
    except TimeoutError:
        print("unexpected timeout")
