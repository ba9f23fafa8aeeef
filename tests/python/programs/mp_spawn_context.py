import multiprocessing as mp

setting = "module level"

def report(q):
    q.put((__name__, setting))

if __name__ == "__main__":
    setting = "changed under the main guard"
    for method in ("fork", "spawn"):
        ctx = mp.get_context(method)
        q = ctx.Queue()
        p = ctx.Process(target=report, args=(q,))
        p.start()
        print(method, q.get())
        p.join()
    print(mp.get_start_method())
    print(sorted(mp.get_all_start_methods()))
