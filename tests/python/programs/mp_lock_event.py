import multiprocessing as mp

def worker(lock, start, counter, n):
    start.wait()
    for _ in range(n):
        with lock:
            counter.value += 1

if __name__ == "__main__":
    lock = mp.Lock()
    start = mp.Event()
    counter = mp.Value("i", 0, lock=False)
    ps = [mp.Process(target=worker, args=(lock, start, counter, 300)) for _ in range(3)]
    for p in ps:
        p.start()
    print("event set?", start.is_set())
    start.set()
    for p in ps:
        p.join()
    print(counter.value)
    rl = mp.RLock()
    with rl:
        with rl:
            print("RLock is reentrant")
    s = mp.Semaphore(2)
    print(s.acquire(), s.acquire(), s.acquire(timeout=0.01))
