# With the 'fork' start method (Linux's default) a program needs no main guard: the children
# start from the parent's state and do not run the top level again (nothing printed twice).
import multiprocessing as mp

print("top level runs once:", __name__)


class Job:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Job({self.n})"


def double(job):
    return (job.n * 2, type(job).__module__, repr(job))


results = mp.Queue()
scale = 10


def worker(k):
    results.put((k * scale, __name__))


with mp.Pool(2) as pool:
    print(pool.map(double, [Job(1), Job(2)]))

scale = 100  # children started from here on see this value
procs = [mp.Process(target=worker, args=(k,)) for k in range(3)]
for p in procs:
    p.start()
print(sorted(results.get() for _ in procs))
for p in procs:
    p.join()
print([p.exitcode for p in procs])
