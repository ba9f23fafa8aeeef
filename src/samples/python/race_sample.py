import threading
import time

USE_LOCK = False  # True = `with lock:` around each read-modify-write, so no update is lost
THREADS = 2  # how many threads add to the shared counter
INCREMENTS = 1000  # how many times each thread adds 1

counter = 0
lock = threading.Lock()


def increment():
    # counter += 1 is a read, an add and a write; a thread switch in between loses
    # the other thread's updates. time.sleep(0) lets the switch happen right there.
    global counter
    value = counter  # read
    time.sleep(0)  # another thread runs here (as after any I/O or GIL switch)
    counter = value + 1  # write


def work(name):
    for _ in range(INCREMENTS):
        if USE_LOCK:
            with lock:  # one thread at a time in here
                increment()
        else:
            increment()
    print(f"{name}: done")


threads = [threading.Thread(target=work, args=(f"Thread {i + 1}",)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

expected = THREADS * INCREMENTS
print(f"Counter: {counter} (expected {expected}, lost {expected - counter})")
