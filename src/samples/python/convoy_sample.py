import threading
import time

ROUND_TRIPS = 10  # how many round trips the I/O thread makes
IO_MS = 2  # the I/O wait of one round trip, in ms (a socket read, say)
CPU_MS = 500  # the CPU-bound thread's work, in ms of one core


def cpu_bound():
    print("CPU: start")
    end = time.thread_time() + CPU_MS / 1000
    while time.thread_time() < end:
        pass
    print("CPU: done")


def io_bound():
    total = 0.0
    for i in range(ROUND_TRIPS):
        start = time.perf_counter()
        time.sleep(IO_MS / 1000)  # releases the GIL; getting it back means waiting
        took = (time.perf_counter() - start) * 1000
        total += took
        print(f"I/O: round trip {i} took {took:.1f} ms")
    print(f"I/O: mean round trip {total / ROUND_TRIPS:.1f} ms for {IO_MS} ms of waiting")


threads = [threading.Thread(target=cpu_bound), threading.Thread(target=io_bound)]
for t in threads:
    t.start()
for t in threads:
    t.join()
