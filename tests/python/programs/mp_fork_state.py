# A forked child starts with the parent's globals as they are at start(): values set under the
# main guard, queues and locks made at module level are the parent's own; classes and functions
# belong to __main__. A spawned child re-runs the module as __mp_main__ instead.
import multiprocessing as mp

settings = {"mode": "default"}
lock = mp.Lock()
box = mp.Queue()


class Reading:
    def __init__(self, v):
        self.v = v


def child(tag):
    with lock:
        box.put((tag, __name__, settings["mode"], Reading.__module__, child.__module__,
                 type(latest).__name__ if "latest" in globals() else None))


if __name__ == "__main__":
    settings["mode"] = "changed in main"
    latest = Reading(5)
    for method in ("fork", "spawn"):
        ctx = mp.get_context(method)
        q = ctx.Queue()
        p = ctx.Process(target=child, args=(method,))
        p.start()
        p.join()
        if method == "fork":
            print(box.get())
    print("spawned child used its own queue:", box.empty())
