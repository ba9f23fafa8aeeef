import threading
import time

fired = []
t = threading.Timer(0.05, fired.append, args=("fired",))
start = time.monotonic()
t.start()
t.join()
print(fired, "waited at least the interval:", time.monotonic() - start >= 0.05)

cancelled = threading.Timer(5.0, fired.append, args=("too late",))
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired, "cancel() stopped it:", not cancelled.is_alive())
print(isinstance(t, threading.Thread), t.name.startswith("Thread-"))

def report(name, *, suffix):
    fired.append(name + suffix)
k = threading.Timer(0.01, report, args=("kw",), kwargs={"suffix": "!"})
k.start()
k.join()
print(fired)
