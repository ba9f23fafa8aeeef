from concurrent.futures import ThreadPoolExecutor
import threading

def name():
    return threading.current_thread().name

with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fetcher") as ex:
    print(ex.submit(name).result())
with ThreadPoolExecutor(max_workers=1) as ex:
    n = ex.submit(name).result()
    print(n.startswith("ThreadPoolExecutor-"), n.endswith("_0"))
seen = []
def init(tag):
    seen.append((tag, threading.current_thread().name))
with ThreadPoolExecutor(max_workers=1, initializer=init, initargs=("ready",), thread_name_prefix="w") as ex:
    ex.submit(int).result()
print(seen)
