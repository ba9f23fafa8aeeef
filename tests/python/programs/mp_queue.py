import multiprocessing as mp

def producer(q, n):
    for i in range(n):
        q.put({"n": i, "sq": i * i})
    q.put(None)

if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=producer, args=(q, 5))
    p.start()
    items = []
    while (item := q.get()) is not None:
        items.append(item)
    p.join()
    print(items)
    print(q.empty())
    import queue
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("multiprocessing.Queue raises queue.Empty")
