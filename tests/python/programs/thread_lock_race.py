# conformance: simulated
import threading
import time

balance = 0
lock = threading.Lock()
start = threading.Barrier(4)

def deposit_unsafe(n):
    global balance
    start.wait()  # all four run the loop at the same time
    for _ in range(n):
        current = balance
        time.sleep(0)  # let another thread in between the read and the write
        balance = current + 1

def deposit_safe(n):
    global balance
    start.wait()
    for _ in range(n):
        with lock:
            current = balance
            time.sleep(0)
            balance = current + 1

for fn in (deposit_unsafe, deposit_safe):
    balance = 0
    ts = [threading.Thread(target=fn, args=(300,)) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(fn.__name__, "kept every update:", balance == 1200, "| never too many:", balance <= 1200)
