from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor
import time

WORKERS = 2  # pool size (max_workers): how many calls run at once
IO_MS = 100  # work (a wait, in ms) in each call before it prints; 0 = the article's code


def print_numbers(n):
    if IO_MS > 0:
        time.sleep(IO_MS / 1000)  # some work before printing
    print(f"Task {n}: {n}")


def print_letters(letter):
    if IO_MS > 0:
        time.sleep(IO_MS / 1000)
    print(f"Task {letter}: {letter}")


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=WORKERS) as executor:
        list(executor.map(print_numbers, range(5)))

    with ProcessPoolExecutor(max_workers=WORKERS) as executor:
        list(executor.map(print_letters, 'ABCDE'))
