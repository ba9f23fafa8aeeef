import queue

for kind in (queue.Queue, queue.LifoQueue, queue.PriorityQueue, queue.SimpleQueue):
    q = kind()
    for item in (3, 1, 4, 1, 5):
        q.put(item)
    out = []
    while not q.empty():
        out.append(q.get())
    print(f"{kind.__name__:<13}", out)

pq = queue.PriorityQueue()
for prio, task in [(2, "write"), (1, "read"), (3, "sleep"), (1, "eat")]:
    pq.put((prio, task))
print([pq.get() for _ in range(4)])
