#!/usr/bin/env python3
"""Times the PYTHON.md §3 programs under python3 and `interleave-cli run` side by side.

Usage: run_python_bench.py CLI [--reps N] [--json OUT]
Each program runs N times under each interpreter (interleaved, so machine load hits both
alike); the median wall time (with start-up) is reported with the ratio ours/CPython and the
geometric mean. Outputs must match python3's, else the row says so. Figures only.
"""
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROGRAMS = ["fib", "loop_sum", "nbody", "wordcount", "listsort", "methods", "genpipe", "is_prime"]
# Reported below the geometric mean, not in it: costs of our design that CPython does not have
# (a bytearray resize meeting a dropped memoryview's export: memoryview.cpp's header).
SIDE = ["mv_temp_resize", "mv_named_resize"]


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=600)
    return time.perf_counter() - t0, p.stdout, p.returncode


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    cli = args[0]
    reps = int(args[args.index("--reps") + 1]) if "--reps" in args else 3
    out_json = args[args.index("--json") + 1] if "--json" in args else None
    rows = []
    for name in PROGRAMS + SIDE:
        path = str(HERE / f"{name}.py")
        ours, ref = [], []
        same = True
        for _ in range(reps):
            t, ref_out, _ = run([sys.executable, path])
            ref.append(t)
            t, our_out, rc = run(cli.split() + ["run", path])
            ours.append(t)
            same = same and rc == 0 and our_out == ref_out
        c, o = statistics.median(ref), statistics.median(ours)
        rows.append({"name": name, "cpython_s": c, "ours_s": o, "ratio": o / c, "same_output": same})
    main_rows = [r for r in rows if r["name"] in PROGRAMS]
    geo = math.exp(sum(math.log(r["ratio"]) for r in main_rows) / len(main_rows))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Python programs (median of {reps}, wall time with start-up; load avg {load:.1f} on {os.cpu_count()} cores)")
    print(f"{'program':<15} {'CPython s':>10} {'ours s':>10} {'ratio':>7}  output")
    def show(r):
        print(f"{r['name']:<15} {r['cpython_s']:>10.3f} {r['ours_s']:>10.3f} {r['ratio']:>7.2f}  "
              f"{'same' if r['same_output'] else 'DIFFERS'}")
    for r in main_rows:
        show(r)
    print(f"{'geomean':<15} {'':>10} {'':>10} {geo:>7.2f}")
    for r in rows:
        if r["name"] in SIDE:
            show(r)
    if out_json:
        Path(out_json).write_text(json.dumps({"rows": rows, "geomean": geo, "load": load}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
