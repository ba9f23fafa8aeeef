import threading

class BoundedBuffer:
    def __init__(self, size):
        self.items = []
        self.size = size
        self.cond = threading.Condition()
        self.peak = 0

    def put(self, item):
        with self.cond:
            self.cond.wait_for(lambda: len(self.items) < self.size)
            self.items.append(item)
            self.peak = max(self.peak, len(self.items))
            self.cond.notify_all()

    def get(self):
        with self.cond:
            self.cond.wait_for(lambda: self.items)
            item = self.items.pop(0)
            self.cond.notify_all()
            return item

buf = BoundedBuffer(3)
received = []
def producer():
    for i in range(20):
        buf.put(i)
def consumer():
    for _ in range(20):
        received.append(buf.get())
ts = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(received == list(range(20)), "peak never above size:", buf.peak <= 3)
