import threading

barrier = threading.Barrier(3)
phases = []
lock = threading.Lock()

def worker(name):
    for phase in range(2):
        with lock:
            phases.append((phase, name))
        index = barrier.wait()
        assert 0 <= index < 3

ts = [threading.Thread(target=worker, args=(n,)) for n in "abc"]
for t in ts:
    t.start()
for t in ts:
    t.join()
# every thread finished phase 0 before any started phase 1
print([p for p, _ in phases])
print(sorted(n for p, n in phases if p == 0), sorted(n for p, n in phases if p == 1))
print(barrier.parties, barrier.n_waiting, barrier.broken)
