import queue
import threading

q = queue.Queue(maxsize=1)
order = []
lock = threading.Lock()

def producer():
    for i in range(5):
        q.put(i)  # blocks while the one slot is taken
        with lock:
            order.append(("put", i))

def consumer():
    for _ in range(5):
        item = q.get()
        with lock:
            order.append(("got", item))

p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print([item for kind, item in order if kind == "got"])
puts = [i for i, (kind, _) in enumerate(order) if kind == "put"]
gots = [i for i, (kind, _) in enumerate(order) if kind == "got"]
print("put i+2 never before got i:", all(puts[i + 2] > gots[i] for i in range(3)))
print(q.empty())
