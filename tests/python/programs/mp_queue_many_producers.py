import multiprocessing as mp

def produce(q, wid):
    for i in range(3):
        q.put((wid, i))

if __name__ == "__main__":
    q = mp.Queue()
    ps = [mp.Process(target=produce, args=(q, w)) for w in range(3)]
    for p in ps:
        p.start()
    items = [q.get() for _ in range(9)]
    for p in ps:
        p.join()
    print(sorted(items))
    by_worker = {}
    for w, i in items:
        by_worker.setdefault(w, []).append(i)
    print("each worker's items arrive in its own order:", all(v == [0, 1, 2] for v in by_worker.values()))
