from concurrent.futures import ThreadPoolExecutor
import threading
import time

ex = ThreadPoolExecutor(max_workers=2)
f = ex.submit(time.sleep, 0.05)
ex.shutdown(wait=True)
print("shutdown waited:", f.done())
try:
    ex.submit(print, "nope")
except RuntimeError as e:
    print("RuntimeError:", e)
started, gate = threading.Event(), threading.Event()
def hold():
    started.set()
    gate.wait()
    return "held"
ex2 = ThreadPoolExecutor(max_workers=1)
blocker = ex2.submit(hold)
started.wait()
pending = [ex2.submit(time.sleep, 0) for _ in range(3)]
ex2.shutdown(wait=False, cancel_futures=True)
gate.set()
ex2.shutdown(wait=True)
print([p.cancelled() for p in pending], blocker.result())
with ThreadPoolExecutor() as ex3:
    print(ex3.submit(sum, [1, 2, 3]).result())
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
