# shutdown(wait=False, cancel_futures=True) cancels what has not started; the running call
# finishes; submitting afterwards raises RuntimeError.
from concurrent.futures import ThreadPoolExecutor
import threading

started = threading.Event()
release = threading.Event()


def first():
    started.set()
    release.wait()
    return "first done"


pool = ThreadPoolExecutor(max_workers=1)
running = pool.submit(first)
queued = [pool.submit(pow, 2, i) for i in range(5)]
started.wait()
print(running.running(), [f.done() for f in queued])
pool.shutdown(wait=False, cancel_futures=True)
print([f.cancelled() for f in queued])
try:
    pool.submit(abs, -1)
except RuntimeError as e:
    print("RuntimeError:", e)
release.set()
print(running.result())
pool.shutdown(wait=True)
print(running.done(), running.cancelled())

# Without cancel_futures, shutdown(wait=True) lets queued work finish.
with ThreadPoolExecutor(max_workers=1) as pool2:
    fs = [pool2.submit(pow, 3, i) for i in range(4)]
print([f.result() for f in fs])
try:
    pool2.map(abs, [1])
except RuntimeError as e:
    print("RuntimeError:", e)
