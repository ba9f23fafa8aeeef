import queue
import threading

sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
for i in range(3):
    sq.put(i)
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.get(block=False))
try:
    sq.get(timeout=0.02)
except queue.Empty:
    print("Empty")
print(hasattr(sq, "task_done"), hasattr(sq, "join"))
results = []
def reader():
    results.append(sq.get())
t = threading.Thread(target=reader)
t.start()
sq.put("handed over")
t.join()
print(results)
