import threading

def work(items):
    total = 0
    for item in items:
        total += item
    return total

t = threading.Thread(target=work, args=([1, 2, "three"],))
t.start()
t.join()
print("main thread continues after the worker's exception")
named = threading.Thread(target=work, args=(None,), name="summer")
named.start()
named.join()
print("done")
