"""Interleave benchmark report: one table from the JSON the bench run left in build/bench.

    python3 tests/bench/report.py build/bench [--quick 0|1]

Reads native.json (bench_engine), peers.json (bench_peers: oneTBB, std::async), cpython.json
(cpython_peers.py), wasm.json (bench_engine under node) and timeline.txt (the UI's benchmark,
if it ran). Any of them may be missing or empty: its cells read "n/a". Prints the table and
writes it to results.md in the same directory. Never fails on a missing figure.
"""
import datetime
import json
import os
import platform
import sys


def load(path):
    try:
        with open(path) as f:
            lines = [l for l in f.read().splitlines() if l.strip().startswith("{")]
        return json.loads(lines[-1]) if lines else {}
    except (OSError, ValueError):
        return {}


def num(d, key):
    v = d.get(key)
    return float(v) if isinstance(v, (int, float)) else None


def fmt(v, unit="", digits=3):
    if v is None:
        return "n/a"
    if abs(v) >= 1000:
        s = f"{v:,.0f}"
    else:
        s = f"{v:.{digits}g}"
    return s + unit


def ratio(a, b):
    """a / b, or None."""
    return a / b if a is not None and b not in (None, 0) else None


def times(r):
    return "n/a" if r is None else (f"{r:,.0f}x" if r >= 100 else f"{r:.3g}x")


def slower(wasm_cost, native_cost):
    """wasm cost / native cost (time or ns per item), worded."""
    r = ratio(wasm_cost, native_cost)
    if r is None:
        return "n/a"
    return f"{r:.3g}x slower" if r >= 1 else f"{1 / r:.3g}x faster"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "build/bench"
    quick = "--quick" in sys.argv and sys.argv[sys.argv.index("--quick") + 1] == "1"
    nat, peers, py, wasm = (load(os.path.join(d, n + ".json"))
                            for n in ("native", "peers", "cpython", "wasm"))

    rows = []  # (measure, interleave, peer, ratio, target)

    # --- executor: seconds for N tasks; ratio = how many times faster the engine is.
    n = num(nat, "exec_tasks")
    n_label = f"{n:,.0f}" if n else "N"
    e_on, e_off = num(nat, "exec_s"), num(nat, "exec_nogil_s")
    per_task = lambda s: None if s is None or not n else s * 1e9 / n
    py_exec = num(py, "executor_s")
    def exec_cell(s, cpu=None):
        if s is None:
            return "n/a"
        extra = "" if cpu is None else f"; CPU {fmt(per_task(cpu), ' ns/task')}"
        return f"{s * 1e3:.1f} ms ({fmt(per_task(s), ' ns/task')}{extra})"
    py_exec_cpu = num(py, "executor_cpu_s")
    def both(wall_r, cpu_r):
        """Wall-time ratio first (the target's); CPU-time ratio beside it when known."""
        return times(wall_r) + ("" if cpu_r is None else f" (CPU {times(cpu_r)})")
    py_cell = "CPython ThreadPoolExecutor: " + (
        "n/a" if py_exec is None else f"{py_exec * 1e3:.0f} ms" +
        ("" if py_exec_cpu is None else f" (CPU {fmt(per_task(py_exec_cpu), ' ns/task')})"))
    rows.append((f"Executor: submit+wait {n_label} empty tasks, 2 workers (GIL on)",
                 exec_cell(e_on, num(nat, "exec_cpu_s")), py_cell,
                 both(ratio(py_exec, e_on), ratio(py_exec_cpu, num(nat, "exec_cpu_s"))),
                 ">= 100x CPython"))
    rows.append(("Executor, free-threaded (gil=off)",
                 exec_cell(e_off, num(nat, "exec_nogil_cpu_s")), "CPython ThreadPoolExecutor (same)",
                 both(ratio(py_exec, e_off), ratio(py_exec_cpu, num(nat, "exec_nogil_cpu_s"))),
                 ">= 100x CPython"))
    tbb = num(peers, "tbb_s")
    rows.append(("Executor vs oneTBB task_group in task_arena(2)", exec_cell(e_on),
                 "oneTBB: " + ("n/a" if tbb is None else f"{tbb * 1e3:.1f} ms "
                               f"({fmt(num(peers, 'tbb_ns_per_task'), ' ns/task')})"),
                 times(ratio(num(peers, "tbb_ns_per_task"), per_task(e_on))), "(reference)"))
    a_ns = num(peers, "async_ns_per_task")
    a_n = num(peers, "async_tasks")
    rows.append(("Executor vs std::async(launch::async)", exec_cell(e_on),
                 "std::async: " + ("n/a" if a_ns is None else
                                   f"{fmt(a_ns, ' ns/task')} (N={a_n:,.0f}, scaled)"),
                 times(ratio(a_ns, per_task(e_on))), "(reference)"))

    # --- coroutines
    c, pyc = num(nat, "coro_per_s"), num(py, "asyncio_switches_per_s")
    c_cpu, pyc_cpu = num(nat, "coro_cpu_per_s"), num(py, "asyncio_cpu_switches_per_s")
    def rate_cell(wall, cpu):
        return fmt(wall, "/s") + ("" if cpu is None else f" (CPU time: {fmt(cpu, '/s')})")
    rows.append(("asyncio switches/s (`await asyncio.sleep(0)` loop)", rate_cell(c, c_cpu),
                 "CPython asyncio: " + rate_cell(pyc, pyc_cpu),
                 both(ratio(c, pyc), ratio(c_cpu, pyc_cpu)), ">= 100x CPython"))

    rows.append(("asyncio switches/s, 2 tasks alternating (gather)",
                 fmt(num(nat, "coro_pair_per_s"), "/s"), "-", "-", "(reference)"))

    # --- tracer
    t1, t2, trt = num(nat, "tracer_ns_1w"), num(nat, "tracer_ns_2w"), num(nat, "tracer_runtime_ns")
    def tracer_cell(wall, cpu, unit=" ns/event"):
        return fmt(wall, unit) + ("" if cpu is None else f" (CPU time {fmt(cpu, ' ns')})")
    rows.append(("Tracer::emit, 1 worker", tracer_cell(t1, num(nat, "tracer_cpu_ns_1w")), "-",
                 "-", "<= 10 ns"))
    rows.append(("Tracer::emit, 2 workers at once (each)",
                 tracer_cell(t2, num(nat, "tracer_cpu_ns_2w")), "-", "-", "<= 10 ns"))
    rows.append(("Runtime::emit (clock read + TLS + emit)",
                 tracer_cell(trt, num(nat, "tracer_runtime_cpu_ns")),
                 "steady_clock::now() alone: " + tracer_cell(num(nat, "clock_now_ns"),
                                                             num(nat, "clock_now_cpu_ns"), " ns/read"), "-",
                 "(reference)"))

    # --- CPU-bound speed-up with 2 workers, vs the 2.0 limit and CPython
    cpu_ms = num(nat, "cpu_ms")
    py_thr, py_proc = num(py, "speedup_threads"), num(py, "speedup_processes")
    job = f"2 x {cpu_ms:.0f} ms" if cpu_ms else "2 jobs"
    models = [
        ("threads_gil", "threads, GIL on", "CPython threads", py_thr, "~1.0 (the GIL)"),
        ("threads_nogil", "threads, free-threaded", "-", None, ">= 1.9"),
        ("processes", "processes", "CPython processes", py_proc, ">= 1.9"),
        ("process_pool", "process_pool", "CPython ProcessPoolExecutor", py_proc, ">= 1.9"),
        ("thread_pool", "thread_pool, GIL on", "CPython ThreadPoolExecutor", py_thr, "~1.0"),
        ("thread_pool_nogil", "thread_pool, free-threaded", "-", None, ">= 1.9"),
    ]
    raw = num(nat, "speedup_raw_threads")
    rows.append((f"CPU speed-up, {job}: plain std::threads, no engine (this machine's ceiling now)",
                 "n/a" if raw is None else f"{raw:.2f}x ({raw / 2 * 100:.0f}% of 2.0)", "-", "-",
                 "2.0 on idle cores"))
    for key, label, peer, pv, target in models:
        s = num(nat, "speedup_" + key)
        cell = "n/a" if s is None else f"{s:.2f}x ({s / 2 * 100:.0f}% of 2.0)"
        peer_cell = "-" if peer == "-" else f"{peer}: " + ("n/a" if pv is None else f"{pv:.2f}x")
        rows.append((f"CPU speed-up, {job}, {label}", cell, peer_cell,
                     "-" if peer == "-" else times(ratio(s, pv)), target))

    # --- wasm under node vs native (same program): ratio = native speed / wasm speed
    we_on = num(wasm, "exec_s")
    rows.append(("wasm (node) executor, GIL on", exec_cell(we_on), "native: " + exec_cell(e_on),
                 slower(we_on, e_on), "-"))
    wc = num(wasm, "coro_per_s")
    rows.append(("wasm (node) asyncio switches/s", fmt(wc, "/s"), "native: " + fmt(c, "/s"),
                 slower(ratio(1, wc), ratio(1, c)), "-"))
    wt = num(wasm, "tracer_ns_1w")
    rows.append(("wasm (node) Tracer::emit, 1 worker", fmt(wt, " ns/event"),
                 "native: " + fmt(t1, " ns/event"),
                 slower(wt, t1), "<= 10 ns native"))
    wt2 = num(wasm, "tracer_ns_2w")
    rows.append(("wasm (node) Tracer::emit, 2 workers", fmt(wt2, " ns/event"),
                 "native: " + fmt(t2, " ns/event"),
                 slower(wt2, t2), "-"))

    head = ("| Measure | Interleave | Peer (same run) | Ratio | Target |\n"
            "|---|---|---|---|---|\n")
    table = head + "".join("| " + " | ".join(r) + " |\n" for r in rows)
    reps = nat.get("reps", "?")
    meta = (f"Measured {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC on {cpu_model()}, "
            f"{os.cpu_count()} cores; CPython {py.get('python', 'n/a')}; "
            f"medians of {reps} repetitions (CPython: 3){'; QUICK run (smaller sizes)' if quick else ''}. "
            "Ratio = how many times faster Interleave is than the peer, by wall time (\"CPU\": by CPU "
            "time, which a busy machine disturbs less; CPU speed-up rows: "
            "Interleave's speed-up / the peer's; wasm rows: the same program under node vs native). "
            "The machine is shared and noisy: read the figures as orders of magnitude.\n")
    try:
        with open(os.path.join(d, "load.txt")) as f:
            loads = f.read().split()
        meta += (f"Load average (1 min) before/after the runs: {' / '.join(loads)} "
                 f"(above {os.cpu_count()} means other work shared the cores; wall-clock "
                 "figures suffer, CPU-time figures much less).\n")
    except OSError:
        pass
    notes = []
    for name, blob in (("native", nat), ("wasm", wasm)):
        if blob.get("warning_text"):
            notes.append(f"- {name}: {blob['warning_text']}")
    md = "## Performance\n\n" + meta + "\n" + table
    if notes:
        md += "\nWarnings from the engine runs (figures kept when the timed part completed):\n" + "\n".join(notes) + "\n"
    tl = os.path.join(d, "timeline.txt")
    if os.path.exists(tl):
        with open(tl) as f:
            md += "\nTimeline view and code editor benchmarks (tests/bench/bench_timeline*, bench_editor):\n\n```\n" + f.read().rstrip() + "\n```\n"
    with open(os.path.join(d, "results.md"), "w") as f:
        f.write(md)
    print(md)
    print(f"(written to {os.path.join(d, 'results.md')})")


if __name__ == "__main__":
    main()
