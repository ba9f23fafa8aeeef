# Under CPython 3.11's GIL, switches happen at calls and backward jumps only. With no call
# between the read and the write, no update is lost; adding a call (here to a builtin) makes
# that point a switch point, and updates can get lost there.
import threading

x = 0

def no_call(n):
    global x
    for _ in range(n):
        t = x
        t = t * 1
        x = t + 1

threads = [threading.Thread(target=no_call, args=(100_000,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("read/compute/write without a call:", x)

y = 0
def with_call(n):
    global y
    for _ in range(n):
        t = y
        abs(t)
        y = t + 1

threads = [threading.Thread(target=with_call, args=(100_000,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("with a call between: never more than 300000:", y <= 300_000)
