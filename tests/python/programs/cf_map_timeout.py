from concurrent.futures import ThreadPoolExecutor, TimeoutError
import threading

release = threading.Event()

def slow(x):
    if x == 2:
        release.wait()
    return x

with ThreadPoolExecutor(max_workers=3) as ex:
    results = ex.map(slow, range(4), timeout=0.05)
    got = []
    try:
        for r in results:
            got.append(r)
    except TimeoutError:
        print("TimeoutError after", got)
    release.set()
print("the pool finished the slow item anyway")
