# Like the threading page: a Timer fires a function later; an Event lets threads wait for a signal.
import threading

log = []
done = threading.Event()

def hello():
    log.append("hello, world")
    done.set()

t = threading.Timer(0.05, hello)
t.start()
print("waiting for the timer:", done.wait(timeout=5))
print(log)
t.join()
