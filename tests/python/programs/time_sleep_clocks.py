import time

t0 = time.monotonic()
p0 = time.perf_counter()
w0 = time.time()
time.sleep(0.05)
print("monotonic advanced >= 0.05:", time.monotonic() - t0 >= 0.05)
print("perf_counter advanced >= 0.05:", time.perf_counter() - p0 >= 0.05)
print("time.time advanced:", time.time() > w0)
print("monotonic never goes back:", time.monotonic() >= t0)
print(type(time.time()).__name__, type(time.time_ns()).__name__, time.time() > 1.6e9)
print(time.monotonic_ns() > 0, time.perf_counter_ns() >= 0)
time.sleep(0)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
