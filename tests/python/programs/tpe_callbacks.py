# add_done_callback runs in the worker that finishes the future (or at once when it is done);
# a callback that raises is reported on stderr and the others still run.
from concurrent.futures import ThreadPoolExecutor
import threading

release = threading.Event()
calls = []


def record(f):
    calls.append((threading.current_thread().name, f.result()))


def broken(f):
    raise RuntimeError("callback failed")


with ThreadPoolExecutor(max_workers=1, thread_name_prefix="cb") as pool:
    f = pool.submit(lambda: release.wait() and 7)
    f.add_done_callback(record)
    f.add_done_callback(broken)
    f.add_done_callback(record)
    release.set()
    print(f.result())
print(calls)
f.add_done_callback(record)
print(calls[-1])
print(repr(f).split(" at ")[0], repr(f).split(" state=")[1])
