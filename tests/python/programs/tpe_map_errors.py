# Executor.map on threads: results in input order; an exception surfaces when its result is
# reached, after the earlier ones; map with several iterables stops at the shortest.
from concurrent.futures import ThreadPoolExecutor
import threading

lock = threading.Lock()
ran = []


def inverse(x):
    with lock:
        ran.append(x)
    return 1 / x


with ThreadPoolExecutor(max_workers=3) as pool:
    results = pool.map(inverse, [4, 2, 0, 1])
    try:
        for r in results:
            print(r)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print(list(pool.map(pow, [2, 3, 4], [5, 6])))
    print(list(pool.map(str.upper, [])))
print({4, 2, 0} <= set(ran))
