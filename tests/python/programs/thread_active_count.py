import threading

release = threading.Event()
started = threading.Barrier(4)

def wait():
    started.wait()
    release.wait()

print(threading.active_count())
ts = [threading.Thread(target=wait, name=f"w{i}") for i in range(3)]
for t in ts:
    t.start()
started.wait()
print(threading.active_count())
print(sorted(t.name for t in threading.enumerate()))
release.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])
