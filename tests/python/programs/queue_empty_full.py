import queue

q = queue.Queue(maxsize=2)
q.put("a")
q.put_nowait("b")
print(q.full(), q.qsize(), q.maxsize)
try:
    q.put_nowait("c")
except queue.Full:
    print("Full raised by put_nowait")
try:
    q.put("c", timeout=0.02)
except queue.Full as e:
    print("Full after a timeout", repr(e))
print(q.get(), q.get_nowait(), q.empty())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty raised by get_nowait")
try:
    q.get(timeout=0.02)
except queue.Empty as e:
    print("Empty after a timeout", repr(e))
try:
    q.get(block=False)
except queue.Empty:
    print("Empty raised by get(block=False)")
print(issubclass(queue.Empty, Exception), queue.Queue().maxsize)
