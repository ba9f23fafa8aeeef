# conformance: unordered
# Like the multiprocessing page: a Lock keeps each process's print whole; order varies.
from multiprocessing import Process, Lock

def f(lock, i):
    with lock:
        print("hello world", i, flush=True)

if __name__ == "__main__":
    lock = Lock()
    ps = [Process(target=f, args=(lock, num)) for num in range(5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
