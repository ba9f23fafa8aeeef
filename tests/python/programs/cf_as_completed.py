from concurrent.futures import ThreadPoolExecutor, as_completed
import threading

gates = {n: threading.Event() for n in range(4)}

def job(n):
    gates[n].wait()
    return n * 100

with ThreadPoolExecutor(max_workers=4) as ex:
    futures = {ex.submit(job, n): n for n in range(4)}
    order = []
    for n in (2, 0, 3, 1):
        gates[n].set()
        done = next(as_completed([f for f in futures if futures[f] not in order]))
        order.append(futures[done])
        print("finished:", futures[done], "->", done.result())
    print(order)
    print(sorted(f.result() for f in as_completed(futures)))
