import threading

class Counter(threading.Thread):
    def __init__(self, limit):
        super().__init__()
        self.limit = limit
        self.total = 0

    def run(self):
        for i in range(self.limit):
            self.total += i

workers = [Counter(n) for n in (10, 100, 1000)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.total for w in workers])
print(isinstance(workers[0], threading.Thread))
c = Counter(5)
c.run()
print("run() called directly runs in the caller:", c.total, c.is_alive())
