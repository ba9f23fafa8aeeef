from concurrent.futures import ProcessPoolExecutor
import os

def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

def whose(_):
    return os.getpid() != parent

parent = os.getpid()

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(collatz_steps, [1, 7, 27, 97, 871])))
        print(all(ex.map(whose, range(4))))
        f = ex.submit(pow, 3, 4)
        print(f.result())
        print(list(ex.map(collatz_steps, range(1, 10), chunksize=4)))
