import queue
import threading

tasks = queue.Queue()
results = queue.Queue()
STOP = object()

def worker(wid):
    handled = 0
    while True:
        item = tasks.get()
        if item is STOP:
            break
        results.put((item, item ** 2))
        handled += 1
    results.put(("worker done", wid))

ws = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for w in ws:
    w.start()
for n in range(8):
    tasks.put(n)
for _ in ws:
    tasks.put(STOP)
for w in ws:
    w.join()
out = []
while not results.empty():
    out.append(results.get())
print(sorted(x for x in out if x[0] != "worker done"))
print(sorted(x[1] for x in out if x[0] == "worker done"))
