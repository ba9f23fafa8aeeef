# Under CPython 3.10+'s GIL a thread is switched only at calls and backward jumps, so
# `counter += 1` in a plain loop is not interrupted between its read and its write.
import threading

counter = 0

def add(n):
    global counter
    for _ in range(n):
        counter += 1

threads = [threading.Thread(target=add, args=(100_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
