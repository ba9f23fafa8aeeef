import queue
import threading

stack = queue.LifoQueue()
for page in ("home", "about", "contact"):
    stack.put(page)
visited = []
def back():
    while True:
        try:
            visited.append(stack.get_nowait())
        except queue.Empty:
            return
t = threading.Thread(target=back)
t.start()
t.join()
print(visited, stack.qsize())
