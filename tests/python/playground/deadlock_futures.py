# conformance: exit=3
# Two pool tasks each wait for the other's result (the concurrent.futures documentation warns
# about this). CPython hangs; the playground reports the futures waiting on each other.
from concurrent.futures import ThreadPoolExecutor
import threading

both_submitted = threading.Event()
futures = {}

def wait_on(other):
    both_submitted.wait()
    return futures[other].result()

with ThreadPoolExecutor(max_workers=2) as pool:
    futures["a"] = pool.submit(wait_on, "b")
    futures["b"] = pool.submit(wait_on, "a")
    both_submitted.set()
    print("both submitted", flush=True)
print("never printed")
