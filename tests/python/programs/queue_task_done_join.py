import queue
import threading

q = queue.Queue()
done = []
lock = threading.Lock()

def worker():
    while True:
        item = q.get()
        with lock:
            done.append(item * item)
        q.task_done()

for _ in range(3):
    threading.Thread(target=worker, daemon=True).start()
for i in range(10):
    q.put(i)
q.join()
print("all work done:", sorted(done))
print("unfinished:", q.unfinished_tasks)
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)
