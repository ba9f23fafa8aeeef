import threading

actions = []
b = threading.Barrier(2, action=lambda: actions.append("all arrived"))
t = threading.Thread(target=b.wait)
t.start()
b.wait()
t.join()
print(actions)

lonely = threading.Barrier(2)
try:
    lonely.wait(timeout=0.05)
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", repr(e), lonely.broken)
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print("a broken barrier stays broken")
lonely.reset()
print("after reset:", lonely.broken)

aborted = threading.Barrier(3)
errors = []
def waiter():
    try:
        aborted.wait()
    except threading.BrokenBarrierError:
        errors.append("broken")
ws = [threading.Thread(target=waiter) for _ in range(2)]
for w in ws:
    w.start()
while aborted.n_waiting < 2:
    pass
aborted.abort()
for w in ws:
    w.join()
print(errors)
