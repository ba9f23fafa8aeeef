import threading

stop = threading.Event()

def slow():
    stop.wait()

t = threading.Thread(target=slow)
t.start()
t.join(timeout=0.05)
print("still alive after join(timeout):", t.is_alive())
stop.set()
t.join()
print("alive after the event:", t.is_alive())
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
fresh = threading.Thread(target=slow)
try:
    fresh.join()
except RuntimeError as e:
    print("RuntimeError:", e)
print(fresh.is_alive(), fresh.ident)
