import multiprocessing as mp

class Squarer(mp.Process):
    def __init__(self, n, q):
        super().__init__()
        self.n = n
        self.q = q

    def run(self):
        self.q.put((self.name, self.n * self.n))

if __name__ == "__main__":
    q = mp.Queue()
    ps = [Squarer(n, q) for n in range(3)]
    for p in ps:
        p.start()
    results = sorted(q.get() for _ in ps)
    for p in ps:
        p.join()
    print(results)
    print([p.exitcode for p in ps])
