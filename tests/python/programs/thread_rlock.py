import threading

rlock = threading.RLock()

def outer():
    with rlock:
        return inner() + 1

def inner():
    with rlock:
        return 41

print(outer())
print(rlock.acquire(), rlock.acquire(), rlock.acquire(blocking=False))
rlock.release()
rlock.release()
rlock.release()
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

result = []
def other():
    result.append(rlock.acquire(timeout=0.05))

rlock.acquire()
t = threading.Thread(target=other)
t.start()
t.join()
print("another thread could take it:", result[0])
rlock.release()

def release_foreign():
    try:
        rlock.release()
    except RuntimeError as e:
        result.append(str(e))
rlock.acquire()
t = threading.Thread(target=release_foreign)
t.start()
t.join()
print(result[1])
rlock.release()
