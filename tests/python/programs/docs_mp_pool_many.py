# Like the multiprocessing page's Pool tour: map, imap_unordered, apply_async, a timeout.
from multiprocessing import Pool, TimeoutError
import os
import time

def f(x):
    return x * x

if __name__ == "__main__":
    with Pool(processes=2) as pool:
        print(pool.map(f, range(10)))
        print(sorted(pool.imap_unordered(f, range(10))))
        res = pool.apply_async(f, (20,))
        print(res.get(timeout=5))
        res = pool.apply_async(os.getpid, ())
        print(res.get(timeout=5) != os.getpid())
        multiple = [pool.apply_async(os.getpid, ()) for _ in range(4)]
        print(len([r.get(timeout=5) for r in multiple]))
        res = pool.apply_async(time.sleep, (0.3,))
        try:
            print(res.get(timeout=0.01))
        except TimeoutError:
            print("We lacked patience and got a multiprocessing.TimeoutError")
        print("For the moment, the pool remains available for more work")
    print("Now the pool is closed and no longer available")
