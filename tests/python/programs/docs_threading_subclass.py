# Like the threading page: a Thread subclass that does its work in run(), started and joined.
import threading

class Summer(threading.Thread):
    def __init__(self, numbers):
        super().__init__()
        self.numbers = numbers
        self.result = None

    def run(self):
        self.result = sum(self.numbers)

chunks = [range(0, 1000), range(1000, 2000), range(2000, 3000)]
workers = [Summer(c) for c in chunks]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.result for w in workers], sum(w.result for w in workers) == sum(range(3000)))
