import threading

ready = threading.Event()
seen = []

def waiter(name):
    ready.wait()
    seen.append(name)

ts = [threading.Thread(target=waiter, args=(n,)) for n in range(3)]
for t in ts:
    t.start()
print("set before?", ready.is_set(), "waited so far:", len(seen))
ready.set()
for t in ts:
    t.join()
print("set after?", ready.is_set(), sorted(seen))
print("wait on a set event:", ready.wait(0.01))
ready.clear()
print("cleared:", ready.is_set(), "wait with timeout:", ready.wait(timeout=0.02))
