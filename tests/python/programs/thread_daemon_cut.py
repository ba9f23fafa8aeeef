import threading
import time

progress = threading.Event()

def background():
    try:
        progress.set()
        time.sleep(10)
        print("never printed: the program ends first")
    finally:
        print("never printed either: daemon threads get no cleanup")

t = threading.Thread(target=background, daemon=True)
t.start()
progress.wait()
print("main done while the daemon sleeps")
