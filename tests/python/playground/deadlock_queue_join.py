# conformance: exit=3
# The worker never calls task_done(), so Queue.join() waits forever. CPython hangs; every
# other thread has finished, so the playground reports the main thread's endless wait.
import queue
import threading

q = queue.Queue()

def worker():
    while True:
        item = q.get()
        if item is None:
            return
        print("processed", item, flush=True)

t = threading.Thread(target=worker)
t.start()
for item in (1, 2, None):
    q.put(item)
t.join()
print("worker finished; joining the queue", flush=True)
q.join()
print("never printed")
