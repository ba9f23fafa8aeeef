# conformance: simulated
import multiprocessing as mp
import time

def slow(x):
    time.sleep(0.3)
    return x

if __name__ == "__main__":
    with mp.Pool(1) as pool:
        r = pool.apply_async(slow, (1,))
        try:
            r.get(timeout=0.01)
        except mp.TimeoutError as e:
            print("TimeoutError", type(e).__module__, repr(e))
        print(r.ready())
        print(r.get(timeout=5))
