# atexit: cleanup functions run when the program ends, last registered first, after the
# non-daemon threads finish; arguments, the decorator form, unregister, and an exception in one
# reported as "Exception ignored in atexit callback" while the others still run.
import atexit
import threading
import time

log = []


def save(name, count=0):
    print(f"saving {name} with {count} items, log={log}")


@atexit.register
def goodbye():
    print("goodbye (registered first, runs last)")


def broken():
    raise RuntimeError("cleanup failed")


def never():
    print("unregistered: never printed")


atexit.register(save, "results", count=3)
atexit.register(broken)
atexit.register(never)
atexit.unregister(never)
print(atexit.register(print, "plain print at exit") is print)


def worker():
    time.sleep(0.05)
    log.append("worker finished")


threading.Thread(target=worker).start()
print("main program ends")
