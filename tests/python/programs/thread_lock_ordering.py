# Two locks taken in the same order by every thread cannot deadlock.
import threading

a = threading.Lock()
b = threading.Lock()
moves = []

def transfer(name, times):
    for _ in range(times):
        with a:
            with b:
                moves.append(name)

ts = [threading.Thread(target=transfer, args=(n, 200)) for n in ("x", "y")]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(moves), moves.count("x"), moves.count("y"))

# taking the second lock with a timeout lets a thread back off instead of waiting forever
a.acquire()
got = []
def polite():
    if b.acquire(timeout=0.01):
        ok = a.acquire(timeout=0.05)
        got.append(ok)
        if ok:
            a.release()
        b.release()
t = threading.Thread(target=polite)
t.start()
t.join()
a.release()
print("backed off instead of deadlocking:", got)
