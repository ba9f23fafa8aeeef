# conformance: simulated
import threading
import time

def busy(n):
    total = 0
    for i in range(n):
        total += i
    return total

c0 = time.thread_time()
busy(200_000)
used = time.thread_time() - c0
print("thread_time counts this thread's CPU:", used > 0)
s0 = time.thread_time()
time.sleep(0.05)
print("sleeping costs almost no thread_time:", time.thread_time() - s0 < 0.04)
p0 = time.process_time()
busy(100_000)
print("process_time advanced:", time.process_time() > p0)
per_thread = {}
def measure(name):
    start = time.thread_time()
    time.sleep(0.02)
    per_thread[name] = time.thread_time() - start < 0.015
ts = [threading.Thread(target=measure, args=(n,)) for n in "ab"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(per_thread.items()))  # the two threads wake at the same instant: any order
