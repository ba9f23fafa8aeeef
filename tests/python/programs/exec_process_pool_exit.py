# A ProcessPoolExecutor nobody shuts down: at interpreter exit its manager thread lets the
# pending calls finish and stops the workers (threading._register_atexit), as in CPython.
from concurrent.futures import ProcessPoolExecutor, wait


def square(x):
    return x * x


def shout(word):
    print(word.upper(), flush=True)


if __name__ == "__main__":
    pool = ProcessPoolExecutor(max_workers=2)
    fs = [pool.submit(square, n) for n in range(6)]
    done, not_done = wait(fs)
    print(sorted(f.result() for f in done), len(not_done))
    print("main program ends", flush=True)
    pool.submit(shout, "still runs")
