from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
import os

def die():
    os._exit(1)

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as ex:
        f = ex.submit(die)
        try:
            f.result(timeout=10)
        except BrokenProcessPool as e:
            print("BrokenProcessPool:", e)
        try:
            ex.submit(abs, -1)
        except BrokenProcessPool as e:
            print("BrokenProcessPool:", e)
