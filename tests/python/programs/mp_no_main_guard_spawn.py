# With the spawn start method the child re-runs this file as __mp_main__. Without the
# `if __name__ == "__main__":` guard the child reaches p.start() again and CPython stops it
# with a long RuntimeError on stderr; the parent sees exit code 1.
import multiprocessing as mp

def work(q):
    q.put("child ran")

ctx = mp.get_context("spawn")
q = ctx.Queue()
p = ctx.Process(target=work, args=(q,))
p.start()
p.join()
print("exitcode", p.exitcode, "| queue empty:", q.empty())
