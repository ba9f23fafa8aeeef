"""CPython peers for Interleave's benchmarks: the same jobs, measured in this interpreter.

Prints one JSON object on stdout. Run by tests/bench/run_bench.sh beside the C++ figures so
ratios compare runs on the same machine at the same time.
"""
import asyncio
import json
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, wait


def median_of(fn, repeats):
    return statistics.median(fn() for _ in range(repeats))


def executor_submit_wait(n):
    def empty():
        return None

    cpu = []

    def once():
        with ThreadPoolExecutor(max_workers=2) as ex:
            c0 = time.process_time()
            t0 = time.perf_counter()
            fs = [ex.submit(empty) for _ in range(n)]
            wait(fs)
            dt = time.perf_counter() - t0
            cpu.append(time.process_time() - c0)  # all threads: robust to a busy machine
            return dt

    wall = median_of(once, 3)
    return wall, statistics.median(cpu)


def asyncio_switches(n):
    async def ping():
        for _ in range(n):
            await asyncio.sleep(0)

    cpu = []

    def once():
        c0 = time.process_time()
        t0 = time.perf_counter()
        asyncio.run(ping())
        dt = time.perf_counter() - t0
        cpu.append(time.process_time() - c0)
        return dt

    wall = median_of(once, 3)
    return n / wall, n / statistics.median(cpu)


def burn(iterations):
    x = 0
    for i in range(iterations):
        x += i * i
    return x


def calibrate_burn(ms):
    n = 100_000
    while True:
        t0 = time.perf_counter()
        burn(n)
        dt = time.perf_counter() - t0
        if dt > 0.02:
            return int(n * (ms / 1000.0) / dt)
        n *= 2


def cpu_speedup(pool_cls, iterations, jobs=2):
    def sequential():
        t0 = time.perf_counter()
        for _ in range(jobs):
            burn(iterations)
        return time.perf_counter() - t0

    def pooled():
        with pool_cls(max_workers=jobs) as ex:
            # Warm the pool first: process start-up is measured by the engine separately.
            list(ex.map(burn, [1] * jobs))
            t0 = time.perf_counter()
            list(ex.map(burn, [iterations] * jobs))
            return time.perf_counter() - t0

    return median_of(sequential, 3) / median_of(pooled, 3)


def main():
    n_tasks = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    n_switches = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    cpu_ms = float(sys.argv[3]) if len(sys.argv) > 3 else 200.0
    it = calibrate_burn(cpu_ms)
    executor_s, executor_cpu_s = executor_submit_wait(n_tasks)
    switches, switches_cpu = asyncio_switches(n_switches)
    out = {
        "python": sys.version.split()[0],
        "executor_tasks": n_tasks,
        "executor_s": executor_s,
        "executor_cpu_s": executor_cpu_s,
        "asyncio_switches_per_s": switches,
        "asyncio_cpu_switches_per_s": switches_cpu,
        "cpu_ms_per_job": cpu_ms,
        "speedup_threads": cpu_speedup(ThreadPoolExecutor, it),
        "speedup_processes": cpu_speedup(ProcessPoolExecutor, it),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
