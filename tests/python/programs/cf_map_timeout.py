# conformance: simulated
from concurrent.futures import ThreadPoolExecutor, TimeoutError
import threading

release = threading.Event()

def slow(x):
    if x == 2:
        release.wait()
    return x

all_started = threading.Barrier(4)

with ThreadPoolExecutor(max_workers=3) as ex:
    for _ in range(3):  # start the three workers before timing anything
        ex.submit(all_started.wait)
    all_started.wait()
    results = ex.map(slow, range(4), timeout=0.2)
    got = []
    try:
        for r in results:
            got.append(r)
    except TimeoutError:
        print("TimeoutError after", got)
    release.set()
print("the pool finished the slow item anyway")
