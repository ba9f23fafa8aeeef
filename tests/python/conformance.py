#!/usr/bin/env python3
"""Python conformance: run each test program under python3 and under our interpreter, compare.

Folders (beside this file):
  programs/    each NAME.py runs under python3 (the reference) and our interpreter; stdout,
               stderr (normalised) and the exit status must be equal.
  cases/       learners' programs: stdout must equal NAME.out, and everything must equal python3.
  playground/  programs whose right playground result differs from python3's: the interpreter
               alone runs them; expected NAME.out or NAME.out.re (a regex for the whole stdout),
               NAME.err or NAME.err.re (normalised stderr; none = empty), exit status from the
               marker `# conformance: exit=N` (default 0).

Markers (comment lines at the top of a program, one per line):
  # conformance: unordered      stdout is compared as a multiset of lines
  # conformance: hashseed       output depends on str hashing under PYTHONHASHSEED=0 (documentation)
  # conformance: exit=N         playground only: expected exit status
  # conformance: args=A B ...   playground only: extra arguments for the interpreter after the path
  # conformance: simulated      the output depends on timers racing each other or on elapsed
                                time (e.g. a 20 ms timeout against a 50 ms sleep): our
                                interpreter runs it on the simulated machine (--machine=simulated),
                                where timers are exact, so a busy machine cannot change the result

xfail.txt lists programs expected to fail today (path relative to this folder, then a reason).
The run fails when a program not listed fails, when any program crashes (killed by a signal) or
hangs (timeout) unless its reason says "crash"/"hang", or when python3 hangs or crashes on it.
Standard library only.
"""

import argparse
import concurrent.futures
import difflib
import fnmatch
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
XFAIL = HERE / "xfail.txt"
FOLDERS = ("programs", "cases", "playground")
DEFAULT_INTERP = f"{REPO}/build/native/interleave-cli run"
PLACEHOLDER = "<program>"
DIFF_LINES = 40  # per stream, per failure


# --- programs and markers ------------------------------------------------------------------------


class Program:
    def __init__(self, path: Path):
        self.path = path
        self.folder = path.parent.name
        self.rel = f"{self.folder}/{path.name}"
        self.unordered = False
        self.exit = 0
        self.args = []
        self.markers = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                if line.strip():
                    break
                continue
            m = re.match(r"#\s*conformance:\s*(\S+?)(?:=(.*))?\s*$", line)
            if not m:
                continue
            key, value = m.group(1), m.group(2)
            self.markers.append(line[1:].strip())
            if key == "unordered":
                self.unordered = True
            elif key == "exit":
                self.exit = int(value)
            elif key == "args":
                self.args += shlex.split(value or "")
            elif key == "simulated":
                self.args.append("--machine=simulated")
            elif key != "hashseed":
                raise SystemExit(f"{self.rel}: unknown marker '{line}'")

    def sibling(self, suffix: str):
        p = self.path.with_name(self.path.stem + suffix)
        return p if p.exists() else None


def discover(only):
    progs = []
    for folder in FOLDERS:
        for p in sorted((HERE / folder).glob("*.py")):
            progs.append(Program(p))
    if only:
        pats = [x for pat in only for x in pat.split(",") if x]

        def chosen(prog):
            for pat in pats:
                if any(ch in pat for ch in "*?["):
                    if fnmatch.fnmatch(prog.rel, pat) or fnmatch.fnmatch(prog.path.name, pat):
                        return True
                elif pat in prog.rel:
                    return True
            return False

        progs = [p for p in progs if chosen(p)]
    return progs


def read_xfail():
    """Returns (header lines, {relpath: reason})."""
    header, entries = [], {}
    if not XFAIL.exists():
        return header, entries
    for line in XFAIL.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            if not entries:
                header.append(line)
            continue
        name, _, reason = s.partition(" ")
        entries[name] = reason.strip() or "(no reason given)"
    return header, entries


def write_xfail(header, entries):
    width = max((len(k) for k in entries), default=0)
    lines = list(header)
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        lines.append("")
    lines += [f"{k.ljust(width)}  {entries[k]}" for k in sorted(entries)]
    XFAIL.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- running ---------------------------------------------------------------------------------------


class Run:
    def __init__(self, rc, out, err, hung=False, seconds=0.0, flooded=False):
        self.rc, self.out, self.err, self.hung, self.seconds = rc, out, err, hung, seconds
        self.flooded = flooded

    @property
    def crashed(self):
        return not self.hung and not self.flooded and self.rc is not None and self.rc < 0

    def status(self):
        if self.hung:
            return "hang (timeout)"
        if self.flooded:
            return f"killed: more than {OUTPUT_CAP >> 20} MiB of output"
        if self.crashed:
            try:
                return f"killed by {signal.Signals(-self.rc).name}"
            except ValueError:
                return f"killed by signal {-self.rc}"
        return f"exit {self.rc}"


HANG_TIMEOUT = 3.0  # seconds for our interpreter on a program listed as hanging
OUTPUT_CAP = 16 << 20  # bytes per stream: a runaway writer is stopped, not buffered


def run(cmd, timeout):
    """Runs cmd in a fresh temp dir and its own session, output to files (capped at OUTPUT_CAP);
    kills the whole process group afterwards."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    # PYTHONUNBUFFERED (set on some machines, this one's too) makes CPython's print() write its
    # text and its end separately: two processes printing at once tear each other's lines.
    for k in ("PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS", "PYTHONASYNCIODEBUG", "PYTHONDEVMODE",
              "PYTHONUNBUFFERED"):
        env.pop(k, None)
    dec = lambda b: b.decode("utf-8", errors="replace")
    with tempfile.TemporaryDirectory(prefix="conformance-") as tmp:
        cwd = Path(tmp, "cwd")
        cwd.mkdir()
        out_path, err_path = Path(tmp, "stdout"), Path(tmp, "stderr")
        start = time.monotonic()
        with open(out_path, "wb") as out_f, open(err_path, "wb") as err_f:
            try:
                proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                        stdout=out_f, stderr=err_f, start_new_session=True)
            except OSError as e:
                return Run(127, "", f"cannot start {cmd[0]}: {e}\n")
            hung = flooded = False
            poll = 0.005
            while True:
                try:
                    proc.wait(timeout=poll)
                    break
                except subprocess.TimeoutExpired:
                    pass
                poll = min(poll * 2, 0.1)
                if time.monotonic() - start > timeout:
                    hung = True
                elif max(out_path.stat().st_size, err_path.stat().st_size) > OUTPUT_CAP:
                    flooded = True
                if hung or flooded:
                    kill_group(proc.pid)
                    proc.wait()
                    break
            kill_group(proc.pid)  # stragglers: daemon processes, orphaned pool workers
            seconds = time.monotonic() - start
        out = out_path.read_bytes()[:OUTPUT_CAP]
        err = err_path.read_bytes()[:OUTPUT_CAP]
    if flooded:
        err += f"\n[conformance: output passed {OUTPUT_CAP >> 20} MiB; the run was killed]\n".encode()
    return Run(proc.returncode, dec(out), dec(err), hung, seconds, flooded)


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


# --- normalising and comparing -----------------------------------------------------------------

FRAME = re.compile(r'^(?P<margin>.*?)File "(?P<file>[^"]*)", line \d+')
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def normalise_err(text, prog_path):
    """Program path -> <program>; frames of other files dropped; addresses -> 0x?."""
    for p in sorted({str(prog_path), str(prog_path.resolve()), "<main>"}, key=len, reverse=True):
        text = text.replace(p, PLACEHOLDER)
    out, skip_prefix = [], None
    for line in text.splitlines(keepends=True):
        m = FRAME.match(line)
        if m and not m.group("margin").strip(" |+-"):
            if m.group("file") == PLACEHOLDER:
                skip_prefix = None
                out.append(line)
            else:
                skip_prefix = m.group("margin") + "  "  # the frame's source and caret lines
            continue
        if skip_prefix is not None and line.startswith(skip_prefix) and line.strip():
            continue
        skip_prefix = None
        out.append(line)
    return ADDRESS.sub("0x?", "".join(out))


def diff(expected, got, what, unordered=False, got_label="interleave"):
    """Returns diff lines (empty if equal)."""
    if unordered:
        if Counter(expected.splitlines()) == Counter(got.splitlines()) and \
                expected.endswith("\n") == got.endswith("\n"):
            return []
        a, b = sorted(expected.splitlines(True)), sorted(got.splitlines(True))
        what += " (as sorted lines: order may vary)"
    else:
        if expected == got:
            return []
        a, b = expected.splitlines(True), got.splitlines(True)
    lines = list(difflib.unified_diff(a, b, f"expected {what}", f"{got_label} {what}", n=2))
    lines = [l if l.endswith("\n") else l + "\n\\ no newline at end\n" for l in lines]
    text = "".join(lines).splitlines()
    if len(text) > DIFF_LINES:
        text = text[:DIFF_LINES] + [f"... ({len(text) - DIFF_LINES} more diff lines)"]
    return text


def regex_check(pattern_file, got, what):
    pattern = pattern_file.read_text(encoding="utf-8")
    if re.fullmatch(pattern, got):
        return []
    shown = got.splitlines()[:DIFF_LINES]
    return [f"{what} does not match {pattern_file.name}:", "  regex: " + pattern.rstrip("\n"),
            "  got:"] + ["    " + l for l in shown]


class Result:
    def __init__(self, prog, outcome, details=(), seconds=0.0, warnings=()):
        self.prog, self.outcome, self.details, self.seconds = prog, outcome, list(details), seconds
        self.warnings = list(warnings)


def check(prog, args):
    interp = shlex.split(args.interp)
    path = prog.path
    details, warnings = [], []
    seconds = 0.0

    # the reference: python3 (programs, cases) or the files beside the program (playground)
    if prog.folder == "playground":
        ref_out = prog.sibling(".out")
        ref_out_re = prog.sibling(".out.re")
        ref_err = prog.sibling(".err")
        ref_err_re = prog.sibling(".err.re")
    # our interpreter runs beside the first reference run (most programs mostly wait)
    # a program known to hang (its xfail reason says so) is given a short timeout
    known_hang = "hang" in getattr(args, "xfail", {}).get(prog.rel, "").lower()
    limit = min(args.timeout, HANG_TIMEOUT) if known_hang else args.timeout
    ours = threading.Thread(target=lambda: box.append(run(interp + [str(path)] + prog.args, limit)))
    box = []
    ours.start()
    if prog.folder != "playground":
        tries = 3 if prog.folder == "cases" else 1
        for attempt in range(tries):
            ref = run([args.python, str(path)], args.timeout)
            seconds = max(seconds, ref.seconds)
            unstable = None
            if ref.hung or ref.crashed:
                ours.join()
                lines = [f"python3 (the reference) {ref.status()}"]
                lines += ["  python3 stderr: " + l for l in ref.err.splitlines()[:10]]
                return Result(prog, "error", lines, seconds)
            if prog.folder == "cases":
                want = prog.sibling(".out").read_text(encoding="utf-8")
                unstable = diff(want, ref.out, "stdout (.out)", prog.unordered, "python3")
            if not unstable:
                break
        if unstable:
            # CPython itself missed the .out (a timing-sensitive case on a busy machine): judge
            # our stdout against the .out alone, and say so.
            warnings.append(f"python3 disagreed with {path.stem}.out {tries} times; "
                            "stdout judged against the .out only")
            warnings += ["  " + l for l in unstable]

    ours.join()
    got = box[0]
    seconds = max(seconds, got.seconds)
    got_err = normalise_err(got.err, path)

    if prog.folder == "playground":
        if ref_out_re:
            details += regex_check(ref_out_re, got.out, "stdout")
        else:
            want = ref_out.read_text(encoding="utf-8") if ref_out else ""
            details += diff(want, got.out, "stdout", prog.unordered)
        if ref_err_re:
            details += regex_check(ref_err_re, got_err, "stderr")
        else:
            want = ref_err.read_text(encoding="utf-8") if ref_err else ""
            details += diff(want, got_err, "stderr")
        if got.rc != prog.exit or got.hung or got.flooded:
            details.append(f"exit status: expected {prog.exit}, interleave {got.status()}")
    else:
        if prog.folder == "cases":
            want = prog.sibling(".out").read_text(encoding="utf-8")
            details += diff(want, got.out, "stdout (.out)", prog.unordered)
            if not details and not unstable:
                details += diff(ref.out, got.out, "stdout", prog.unordered)
        else:
            details += diff(ref.out, got.out, "stdout", prog.unordered)
        details += diff(normalise_err(ref.err, path), got_err, "stderr")
        if got.rc != ref.rc or got.hung or got.flooded:
            details.append(f"exit status: python3 {ref.status()}, interleave {got.status()}")

    if got.hung:
        return Result(prog, "hang", details, seconds, warnings)
    if got.crashed:
        return Result(prog, "crash", details, seconds, warnings)
    return Result(prog, "fail" if details else "pass", details, seconds, warnings)


# --- main ----------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See tests/python/README.md.")
    ap.add_argument("--interp", default=DEFAULT_INTERP,
                    help=f"command prefix of our interpreter; the program path follows (default: {DEFAULT_INTERP})")
    ap.add_argument("--python", default="python3", help="the reference interpreter (default: python3)")
    ap.add_argument("--only", action="append", metavar="PATTERN",
                    help="run only programs whose path (folder/name.py) contains PATTERN, or matches it as a glob; repeatable, comma-separated")
    ap.add_argument("--list", action="store_true", help="list the programs and their markers, run nothing")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="programs run at a time (default 2)")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per run of one program (default 20)")
    ap.add_argument("--update-xfail", action="store_true",
                    help="rewrite xfail.txt with the current failures, keeping known reasons")
    ap.add_argument("--reason", default="reason to be written",
                    help="with --update-xfail: the reason written for newly failing programs")
    ap.add_argument("--verbose", "-v", action="store_true", help="also show diffs of expected failures")
    ap.add_argument("--check-reference", type=int, metavar="N", default=0,
                    help="run python3 N times per program (no interpreter) and report programs whose output varies")
    ap.add_argument("--self-test", action="store_true", help="check the harness itself (python3 only) and exit")
    args = ap.parse_args()
    if args.self_test:
        return self_test(args)

    progs = discover(args.only)
    if args.list:
        for p in progs:
            print(p.rel + ("  [" + "; ".join(p.markers) + "]" if p.markers else ""))
        print(f"{len(progs)} programs")
        return 0
    if not progs:
        print("no programs match", file=sys.stderr)
        return 2
    if args.check_reference:
        return check_reference(progs, args)

    # programs run in a temp dir: make relative paths in the command prefix absolute
    interp = [str(Path(a).resolve()) if ("/" in a and not a.startswith("-") and Path(a).exists()) else a
              for a in shlex.split(args.interp)]
    args.interp = shlex.join(interp)
    if not interp or not (shutil.which(interp[0]) or Path(interp[0]).is_file()):
        print(f"conformance: interpreter '{interp[0] if interp else ''}' not found (--interp)", file=sys.stderr)
        return 2
    if not shutil.which(args.python):
        print(f"conformance: reference '{args.python}' not found (--python)", file=sys.stderr)
        return 2

    header, xfail = read_xfail()
    args.xfail = xfail
    start = time.monotonic()
    results = []
    counts = Counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(check, p, args): p for p in progs}
        for fut in concurrent.futures.as_completed(futures):
            r = fut.result()
            listed = r.prog.rel in xfail
            reason = xfail.get(r.prog.rel, "")
            if r.outcome == "pass":
                kind = "xpass" if listed else "pass"
            elif r.outcome == "fail":
                kind = "xfail" if listed else "FAIL"
            elif r.outcome in ("crash", "hang"):
                tolerated = listed and r.outcome in reason.lower()
                kind = "xfail" if tolerated else r.outcome.upper()
            else:
                kind = "ERROR"  # python3 hung or crashed on it: a defect of the test, never xfail
            counts[kind] += 1
            results.append((r, kind))
            if r.warnings:
                print(f"--- warning: {r.prog.rel}")
                for line in r.warnings:
                    print("    " + line)
            if kind in ("FAIL", "CRASH", "HANG", "ERROR") or (args.verbose and kind == "xfail"):
                print(f"--- {kind}: {r.prog.rel} ({r.seconds:.1f} s)" + (f"  [xfail: {reason}]" if listed else ""))
                for line in r.details:
                    print("    " + line)
                sys.stdout.flush()
            elif kind == "xpass":
                print(f"--- XPASS: {r.prog.rel} now passes: remove it from xfail.txt ({reason})")
    elapsed = time.monotonic() - start

    slow = sorted(results, key=lambda x: -x[0].seconds)[:5]
    print("slowest: " + ", ".join(f"{r.prog.rel} {r.seconds:.1f} s" for r, _ in slow))
    bad = counts["FAIL"] + counts["CRASH"] + counts["HANG"] + counts["ERROR"]
    print(f"conformance: {counts['pass']} pass, {counts['xfail']} xfail, {counts['xpass']} xpass, "
          f"{counts['FAIL']} unexpected fail, {counts['CRASH']} crash, {counts['HANG']} hang, "
          f"{counts['ERROR']} reference error; {len(progs)} programs in {elapsed:.1f} s")

    if args.update_xfail:
        entries = dict(xfail)
        for r, kind in results:
            rel = r.prog.rel
            if r.outcome == "pass":
                entries.pop(rel, None)
            elif r.outcome in ("fail", "crash", "hang"):
                if rel not in entries:
                    prefix = "" if r.outcome == "fail" else r.outcome + ": "
                    entries[rel] = prefix + args.reason
                elif r.outcome != "fail" and r.outcome not in entries[rel].lower():
                    entries[rel] = f"{r.outcome}: {entries[rel]}"  # keep the reason, say it now hangs/crashes
        write_xfail(header, entries)
        print(f"xfail.txt rewritten: {len(entries)} entries")
        return 0 if counts["ERROR"] == 0 else 1
    stale = [k for k in xfail if not (HERE / k).exists()]
    for k in stale:
        print(f"note: xfail.txt lists {k}, which does not exist")
    return 1 if bad else 0


def check_reference(progs, args):
    """python3 N times per program; stdout (multiset when unordered), normalised stderr, exit status equal."""
    varied = 0

    def one(prog):
        if prog.folder == "playground":
            return prog, []
        runs = [run([args.python, str(prog.path)], args.timeout) for _ in range(args.check_reference)]
        first = runs[0]
        problems = []
        if prog.folder == "cases":
            want = prog.sibling(".out").read_text(encoding="utf-8")
            for i, r in enumerate(runs):
                problems += [f"run {i + 1} vs .out: {l}" for l in diff(want, r.out, "stdout", prog.unordered)]
        for i, r in enumerate(runs):
            if r.hung or r.crashed:
                problems.append(f"run {i + 1}: {r.status()}")
            if r.seconds > 2.0:
                problems.append(f"run {i + 1}: slow, {r.seconds:.2f} s")
        for i, r in enumerate(runs[1:], 2):
            problems += [f"run {i}: {l}" for l in diff(first.out, r.out, "stdout", prog.unordered)]
            problems += [f"run {i}: {l}" for l in diff(normalise_err(first.err, prog.path),
                                                       normalise_err(r.err, prog.path), "stderr")]
            if r.rc != first.rc:
                problems.append(f"run {i}: exit {r.rc} vs {first.rc}")
        return prog, problems

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for prog, problems in pool.map(one, progs):
            if problems:
                varied += 1
                print(f"--- VARIES: {prog.rel}")
                for l in problems[:30]:
                    print("    " + l)
    print(f"check-reference: {varied} of {len(progs)} programs vary over {args.check_reference} runs "
          f"({time.monotonic() - start:.1f} s)")
    return 1 if varied else 0


# --- self-test -------------------------------------------------------------------------------------


def self_test(args):
    """Checks the harness itself (normalising, comparing, running, markers, xfail file) with
    python3 as both interpreters. Returns 0 when every check holds."""
    import types
    failures = []

    def expect(name, cond):
        print(("ok   " if cond else "FAIL ") + name)
        if not cond:
            failures.append(name)

    prog = Path("/tmp/x/prog.py")
    thread_err = ('Exception in thread Thread-1 (work):\nTraceback (most recent call last):\n'
                  '  File "/usr/lib/python3.11/threading.py", line 1045, in _bootstrap_inner\n'
                  '    self.run()\n  File "/tmp/x/prog.py", line 5, in work\n    1/0\n    ~^~\n'
                  'ZeroDivisionError: division by zero\n')
    expect("other files' frames dropped, the program's kept with carets",
           normalise_err(thread_err, prog) == 'Exception in thread Thread-1 (work):\nTraceback (most '
           'recent call last):\n  File "<program>", line 5, in work\n    1/0\n    ~^~\n'
           'ZeroDivisionError: division by zero\n')
    group_err = ('  + Exception Group Traceback (most recent call last):\n'
                 '  |   File "/tmp/x/prog.py", line 3, in <module>\n  |     run()\n'
                 '  |   File "/lib/asyncio/runners.py", line 190, in run\n  |     return x\n'
                 '  |            ^^^^\n  | ExceptionGroup: eg (1 sub-exception)\n'
                 '  +-+---------------- 1 ----------------\n    | ValueError: 1\n')
    expect("frames inside exception groups too",
           normalise_err(group_err, prog) == '  + Exception Group Traceback (most recent call last):\n'
           '  |   File "<program>", line 3, in <module>\n  |     run()\n'
           '  | ExceptionGroup: eg (1 sub-exception)\n  +-+---------------- 1 ----------------\n'
           '    | ValueError: 1\n')
    expect("warning paths and addresses",
           normalise_err("/tmp/x/prog.py:3: RuntimeWarning: x at 0x7f00aa\n", prog)
           == "<program>:3: RuntimeWarning: x at 0x?\n")
    expect("<main> is the program too", normalise_err('  File "<main>", line 1\n', prog)
           == '  File "<program>", line 1\n')
    expect("exact compare", diff("a\nb\n", "a\nb\n", "x") == [] and diff("a\nb\n", "b\na\n", "x") != [])
    expect("unordered compare", diff("a\nb\n", "b\na\n", "x", True) == []
           and diff("a\nb\n", "b\nb\n", "x", True) != [] and diff("a\n", "a", "x", True) != [])

    r = run([args.python, "-c", "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)"], 20)
    expect("run: stdout, stderr, exit status", (r.out, r.err, r.rc, r.hung, r.crashed) == ("out\n", "err\n", 3, False, False))
    r = run([args.python, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"], 20)
    expect("run: a death by signal is a crash", r.crashed and "SIGSEGV" in r.status())
    r = run([args.python, "-c", "import time; time.sleep(30)"], 0.5)
    expect("run: a timeout is a hang", r.hung and not r.crashed and r.seconds < 10)
    r = run([args.python, "-c", "import os; print(os.listdir('.'), os.environ['PYTHONHASHSEED'])"], 20)
    expect("run: empty temp cwd, PYTHONHASHSEED=0", r.out == "[] 0\n")
    r = run([args.python, "-c", "import sys\nwhile True: sys.stdout.write('x' * 65536)"], 20)
    expect("run: an output flood is cut", r.flooded and not r.crashed and len(r.out) == OUTPUT_CAP)

    with tempfile.TemporaryDirectory() as tmp:
        for folder in ("programs", "playground"):
            Path(tmp, folder).mkdir()
        good = Path(tmp, "programs", "t_good.py")
        good.write_text("# conformance: unordered\nimport sys\nprint('hi')\nsys.exit(2)\n")
        pg = Path(tmp, "playground", "t_pg.py")
        pg.write_text("# conformance: exit=1\n# conformance: args=-W ignore\nprint('line 7')\nraise SystemExit('bye')\n")
        Path(tmp, "playground", "t_pg.out.re").write_text(r"line \d+" + "\n")
        Path(tmp, "playground", "t_pg.err").write_text("bye\n")
        p, q = Program(good), Program(pg)
        expect("markers", p.unordered and p.rel == "programs/t_good.py" and q.exit == 1 and q.args == ["-W", "ignore"])
        same = types.SimpleNamespace(interp=args.python, python=args.python, timeout=20)
        expect("python3 against itself passes", check(p, same).outcome == "pass")
        other = types.SimpleNamespace(interp=f"{args.python} -c print('different')", python=args.python, timeout=20)
        res = check(p, other)
        expect("a different interpreter fails, with a diff", res.outcome == "fail" and any("different" in l for l in res.details))
        expect("playground: .out.re, .err, exit marker, args", check(q, same).outcome == "pass")
        Path(tmp, "playground", "t_pg.err").write_text("other\n")
        expect("playground: a wrong stderr fails", check(q, same).outcome == "fail")

        global XFAIL
        saved, XFAIL = XFAIL, Path(tmp, "xfail.txt")
        try:
            XFAIL.write_text("# header\n\nprograms/a.py  some reason\nprograms/b.py\n")
            header, entries = read_xfail()
            write_xfail(header, entries)
            expect("xfail file round trip", read_xfail() == (header, entries)
                   and entries["programs/a.py"] == "some reason" and header == ["# header", ""])
        finally:
            XFAIL = saved
    print(f"self-test: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
