# A pool nobody shuts down: at interpreter exit CPython wakes and joins its workers
# (threading._register_atexit), so queued work still runs after the main program's last line.
from concurrent.futures import ThreadPoolExecutor
import threading

release = threading.Event()


def job(n):
    release.wait()
    print("job", n, "ran")
    return n


pool = ThreadPoolExecutor(max_workers=1)
futures = [pool.submit(job, n) for n in range(3)]
print("main program ends; pending:", sum(not f.done() for f in futures))
release.set()
