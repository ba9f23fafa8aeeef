import threading

items = []
cond = threading.Condition()
consumed = []

def consumer():
    with cond:
        while not items:
            cond.wait()
        consumed.append(items.pop(0))

def producer(n):
    for i in range(n):
        with cond:
            items.append(i)
            cond.notify()

consumers = [threading.Thread(target=consumer) for _ in range(3)]
for c in consumers:
    c.start()
p = threading.Thread(target=producer, args=(3,))
p.start()
p.join()
for c in consumers:
    c.join()
print(sorted(consumed), items)

with cond:
    print("wait with timeout returns False:", cond.wait(timeout=0.02))
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
