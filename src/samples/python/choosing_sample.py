import asyncio
import multiprocessing
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

# MODEL: "sequential", "threads", "processes", "asyncio", "thread_pool" or "process_pool"
MODEL = "threads"  # how the tasks run
WORK = "cpu"  # "cpu" = computing (holds the GIL); "io" = waiting (releases it)
TASKS = 4  # how many tasks, one job each
WORKERS = 2  # pool size (max_workers) for "thread_pool" and "process_pool"
CPU_MS = 200  # CPU work per task, in ms of one core (when WORK = "cpu")
IO_MS = 200  # I/O wait per task, in ms (when WORK = "io")


def compute(ms):
    # CPU-bound: keep this thread busy until it has used `ms` of CPU time.
    end = time.thread_time() + ms / 1000
    while time.thread_time() < end:
        pass


def job(n):
    print(f"Task {n}: start")
    if WORK == "cpu":
        compute(CPU_MS)
    else:
        time.sleep(IO_MS / 1000)  # I/O-bound: waiting, the GIL released
    print(f"Task {n}: done")


async def async_job(n):
    print(f"Task {n}: start")
    if WORK == "cpu":
        compute(CPU_MS)  # no await inside: the event loop runs nothing else meanwhile
    else:
        await asyncio.sleep(IO_MS / 1000)  # the loop runs the other tasks meanwhile
    print(f"Task {n}: done")


def run_sequential():
    for n in range(TASKS):
        job(n)


def run_threads():
    threads = [threading.Thread(target=job, args=(n,)) for n in range(TASKS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def run_processes():
    processes = [multiprocessing.Process(target=job, args=(n,)) for n in range(TASKS)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()


async def gather_all():
    await asyncio.gather(*(async_job(n) for n in range(TASKS)))


def run_asyncio():
    asyncio.run(gather_all())


def run_thread_pool():
    with ThreadPoolExecutor(max_workers=WORKERS) as executor:
        list(executor.map(job, range(TASKS)))


def run_process_pool():
    with ProcessPoolExecutor(max_workers=WORKERS) as executor:
        list(executor.map(job, range(TASKS)))


MODELS = {
    "sequential": run_sequential,
    "threads": run_threads,
    "processes": run_processes,
    "asyncio": run_asyncio,
    "thread_pool": run_thread_pool,
    "process_pool": run_process_pool,
}

if __name__ == "__main__":
    start = time.perf_counter()
    MODELS[MODEL]()
    elapsed = time.perf_counter() - start
    print(f"{MODEL} ({WORK}): {TASKS} tasks in {elapsed:.2f} s")
