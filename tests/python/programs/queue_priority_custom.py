import queue
from dataclasses import dataclass, field

@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)

pq = queue.PriorityQueue()
for p, n in [(5, "low"), (1, "urgent"), (3, "normal"), (1, "also urgent")]:
    pq.put(Job(p, n))
while not pq.empty():
    job = pq.get()
    print(job.priority, job.name)

q = queue.PriorityQueue()
q.put((1, {"a": 1}))
try:
    q.put((1, {"b": 2}))
except TypeError as e:
    print("TypeError:", e)
