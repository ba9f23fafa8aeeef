import multiprocessing as mp

def worker(q, results):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.put(item * 3)
        q.task_done()

if __name__ == "__main__":
    q = mp.JoinableQueue()
    results = mp.Queue()
    ps = [mp.Process(target=worker, args=(q, results)) for _ in range(2)]
    for p in ps:
        p.start()
    for i in range(6):
        q.put(i)
    for _ in ps:
        q.put(None)
    q.join()
    print(sorted(results.get() for _ in range(6)))
    for p in ps:
        p.join()
    print([p.exitcode for p in ps])
