import sys
import threading

def worker():
    print("worker exits its thread only")
    sys.exit(7)

t = threading.Thread(target=worker)
t.start()
t.join()
print("main carries on; exit status stays 0")
