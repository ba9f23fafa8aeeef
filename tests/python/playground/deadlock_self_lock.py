# conformance: exit=3
# A plain Lock is not reentrant: the second acquire in the same thread waits forever for itself.
# CPython hangs; the playground reports the deadlock (exit status 3).
import threading

lock = threading.Lock()

def update():
    with lock:
        print("outer acquired", flush=True)
        with lock:
            print("never: inner acquired")

update()
