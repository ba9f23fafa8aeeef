import threading
import time

pool = threading.Semaphore(2)
lock = threading.Lock()
inside = 0
most = 0

def use():
    global inside, most
    with pool:
        with lock:
            inside += 1
            most = max(most, inside)
        time.sleep(0.02)
        with lock:
            inside -= 1

ts = [threading.Thread(target=use) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("never more than 2 inside:", most <= 2, "| inside now:", inside)
s = threading.Semaphore(1)
print(s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release()
s.release()
print("plain Semaphore can go above its start value:", s.acquire(blocking=False), s.acquire(blocking=False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
