# Like the concurrent.futures page: wait() for the first finished of several futures.
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED
import threading

gates = [threading.Event() for _ in range(3)]

def task(i):
    gates[i].wait()
    return f"task {i}"

with ThreadPoolExecutor(max_workers=3) as ex:
    futures = [ex.submit(task, i) for i in range(3)]
    gates[1].set()
    done, not_done = wait(futures, return_when=FIRST_COMPLETED)
    print([f.result() for f in done], len(not_done))
    for g in gates:
        g.set()
    done, not_done = wait(futures)
    print(sorted(f.result() for f in done), len(not_done))
