import threading
import time

started = threading.Event()

def background():
    started.set()
    while True:
        time.sleep(0.05)

def short():
    pass

d = threading.Thread(target=background, daemon=True)
d.start()
started.wait()
print("daemon:", d.daemon, "alive:", d.is_alive())
n = threading.Thread(target=short)
print("default daemon flag:", n.daemon)
n.start()
n.join()
try:
    d.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
def spawn_child():
    child = threading.Thread(target=short)
    print("child of a daemon is daemon:", child.daemon)
helper = threading.Thread(target=spawn_child, daemon=True)
helper.start()
helper.join()
print("main exits; the daemon thread is stopped")
