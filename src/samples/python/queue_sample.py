import queue
import threading
import time

ITEMS = 5  # how many items the producer makes
IO_MS = 100  # time to make one item, in ms

q = queue.Queue(maxsize=2)  # a full queue makes the producer wait
DONE = None  # the sentinel: no more items


def producer():
    for i in range(ITEMS):
        time.sleep(IO_MS / 1000)  # making an item takes a while
        q.put(i)
        print(f"Producer: put {i}")
    q.put(DONE)
    print("Producer: done")


def consumer():
    while True:
        item = q.get()  # waits while the queue is empty
        if item is DONE:
            break
        print(f"Consumer: got {item}")
    print("Consumer: done")


threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
