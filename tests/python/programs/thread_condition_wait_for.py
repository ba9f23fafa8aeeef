import threading

state = {"ready": 0}
cond = threading.Condition(threading.Lock())
log = []

def waiter(need):
    with cond:
        ok = cond.wait_for(lambda: state["ready"] >= need, timeout=5)
        log.append((need, ok))

ts = [threading.Thread(target=waiter, args=(n,)) for n in (1, 2, 3)]
for t in ts:
    t.start()
for _ in range(3):
    with cond:
        state["ready"] += 1
        cond.notify_all()
for t in ts:
    t.join()
print(sorted(log))
with cond:
    print(cond.wait_for(lambda: False, timeout=0.02), cond.wait_for(lambda: "value"))
