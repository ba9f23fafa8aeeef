# Like the queue page: one daemon worker takes items until join() says everything is done.
import queue
import threading

q = queue.Queue()
handled = []

def worker():
    while True:
        item = q.get()
        handled.append(f"Working on {item}")
        handled.append(f"Finished {item}")
        q.task_done()

threading.Thread(target=worker, daemon=True).start()
for item in range(5):
    q.put(item)
q.join()
print("\n".join(handled))
print("All work completed")
