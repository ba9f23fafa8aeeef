import threading

gate = threading.Event()
ready = threading.Barrier(3)

def park():
    ready.wait()
    gate.wait()

a = threading.Thread(target=park, name="worker-a")
b = threading.Thread(target=park, name="worker-b", daemon=True)
a.start()
b.start()
ready.wait()
for t in sorted(threading.enumerate(), key=lambda t: t.name):
    print(t.name, "daemon" if t.daemon else "normal", "alive" if t.is_alive() else "dead")
gate.set()
a.join()
b.join()
print([t.name for t in threading.enumerate()])
