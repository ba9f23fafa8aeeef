# A call between the read and the write is a switch point: updates can be lost.
# Only what is certain is printed: never more than expected, and the count is plausible.
import threading

counter = 0

def touch(value):
    return value

def add(n):
    global counter
    for _ in range(n):
        current = counter
        touch(current)
        counter = current + 1

threads = [threading.Thread(target=add, args=(50_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("never more than expected:", counter <= 100_000)
print("at least one thread's worth:", counter >= 50_000)
