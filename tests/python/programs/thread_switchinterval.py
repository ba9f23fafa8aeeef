import sys
import threading

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
try:
    sys.setswitchinterval(-1)
except ValueError as e:
    print("ValueError:", e)
counter = 0
def add():
    global counter
    for _ in range(50_000):
        counter += 1
ts = [threading.Thread(target=add) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter)
sys.setswitchinterval(0.005)
print(sys.getswitchinterval())
