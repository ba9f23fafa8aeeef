import threading

ticks = []
done = threading.Event()

def tick(n):
    ticks.append(n)
    if n < 3:
        threading.Timer(0.01, tick, args=(n + 1,)).start()
    else:
        done.set()

threading.Timer(0.01, tick, args=(1,)).start()
print(done.wait(timeout=5), ticks)
