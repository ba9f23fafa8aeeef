import threading

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
with b:
    with b:
        print("two holders; a third would wait:", b.acquire(blocking=False))
print("both released:", b.acquire(blocking=False) and b.acquire(blocking=False))
