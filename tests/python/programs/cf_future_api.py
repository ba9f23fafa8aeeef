from concurrent.futures import ThreadPoolExecutor, Future, CancelledError, TimeoutError
import threading

gate = threading.Event()
started = threading.Event()

def wait_gate():
    started.set()
    gate.wait()
    return "opened"

with ThreadPoolExecutor(max_workers=1) as ex:
    running = ex.submit(wait_gate)
    queued = ex.submit(wait_gate)
    started.wait()  # the one worker is busy with `running`
    print("cancel queued:", queued.cancel(), queued.cancelled(), queued.done())
    print("cancel running:", running.cancel())
    try:
        running.result(timeout=0.02)
    except TimeoutError:
        print("TimeoutError while running")
    try:
        queued.result()
    except CancelledError:
        print("CancelledError from a cancelled future")
    calls = []
    running.add_done_callback(lambda f: calls.append(f.result()))
    gate.set()
    print(running.result())
print(calls)
f = Future()
print(f.done(), f.running())
f.set_result(5)
print(f.result(), f.done())
f.add_done_callback(lambda fut: print("callback runs at once on a done future:", fut.result()))
g = Future()
g.set_exception(KeyError("k"))
print(repr(g.exception()))
