#!/usr/bin/env python3
"""Differential test of the Python front end against the running CPython (3.11).

For every .py file under the given roots (recursively), the file is parsed by CPython's
ast.parse and by our py_ast_dump; the outputs must be equal:
  - valid programs: ast.dump(tree) and ast.dump(tree, include_attributes=True), byte for byte,
    and the symbol table (every scope's name, type, line, nesting, parameters and each symbol's
    raw flags, as the symtable module exposes them), or the symbol table's SyntaxError (msg and
    positions), and compile()'s own SyntaxError (our compile_checks; msg and positions);
  - invalid programs: the SyntaxError's class, msg, lineno, offset, end_lineno, end_offset, text.

Files listed in a `known_differences.txt` next to them (one name a line, '#' comments) may
differ in positions or messages only as documented there; they must still both fail or both
parse.

  ast_compare.py --tool build/native/py_ast_dump [--quiet] ROOT...

Exit status: 0 all equal, 1 differences, 77 skipped (python3 is not 3.11).
"""
import argparse
import ast
import os
import subprocess
import symtable
import sys


def symtable_view(src):
    try:
        top = symtable.symtable(src, "<main>", "exec")
    except SyntaxError as e:
        return ("symerror", e.lineno, e.offset, e.end_lineno, e.end_offset, e.msg)
    except (RecursionError, MemoryError) as e:
        return ("other", type(e).__name__)
    out = []

    def walk(t, indent):
        e = t._table
        out.append(" " * indent + f"{e.name} type={e.type} line={e.lineno} "
                   f"nested={int(e.nested)} varnames=[{','.join(e.varnames)}]")
        for name, flags in sorted(e.symbols.items()):
            out.append(" " * (indent + 2) + f"{name} {flags}")
        for c in t.get_children():
            walk(c, indent + 4)
    walk(top, 0)
    try:
        compile(src, "<main>", "exec")
        comp = ("compile", "ok")
    except SyntaxError as e:
        comp = ("compile", e.lineno, e.offset, e.end_lineno, e.end_offset, e.msg)
    except (RecursionError, MemoryError, ValueError) as e:
        comp = ("compile", type(e).__name__)
    return ("symtable", "\n".join(out), comp)


def python_view(src):
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        return ("error", type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset,
                e.text)
    except (ValueError, RecursionError, MemoryError) as e:
        return ("other", type(e).__name__, str(e))
    return ("ok", ast.dump(tree), ast.dump(tree, include_attributes=True), symtable_view(src))


def our_views(tool, paths):
    """py_ast_dump --batch over many files: {path: view} in python_view's shape."""
    p = subprocess.run([tool, "--batch", *paths], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=600)
    out = p.stdout.decode("utf-8", "replace").split("\n")
    views = {}
    i = 0
    while i < len(out):
        line = out[i]
        if not line.startswith("=== "):
            i += 1
            continue
        path = line[4:]
        first = out[i + 1] if i + 1 < len(out) else ""
        second = out[i + 2] if i + 2 < len(out) else ""
        if first.startswith("ERROR "):
            parts = first.split(" ", 6)
            text = ast.literal_eval(second[len("TEXT "):]) if second.startswith("TEXT ") else ""
            views[path] = ("error", parts[1], parts[6], int(parts[2]), int(parts[3]),
                           int(parts[4]), int(parts[5]), text)
            i += 3
            continue
        third = out[i + 3] if i + 3 < len(out) else ""
        if third.startswith("SYMERROR "):
            p5 = third.split(" ", 5)
            sym = ("symerror", int(p5[1]), int(p5[2]), int(p5[3]), int(p5[4]), p5[5])
            i += 4
        else:
            n = int(third.split(" ")[1]) if third.startswith("SYMTABLE ") else 0
            comp_line = out[i + 4 + n] if i + 4 + n < len(out) else ""
            if comp_line.startswith("COMPILEERROR "):
                c5 = comp_line.split(" ", 5)
                comp = ("compile", int(c5[1]), int(c5[2]), int(c5[3]), int(c5[4]), c5[5])
            else:
                comp = ("compile", "ok")
            sym = ("symtable", "\n".join(out[i + 4:i + 4 + n]), comp)
            i += 5 + n
        views[path] = ("ok", first, second, sym)
    for path in paths:
        views.setdefault(path, ("crash", p.returncode, p.stderr.decode("utf-8", "replace")[-500:]))
    return views


def known_differences(directory):
    names = set()
    path = os.path.join(directory, "known_differences.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    names.add(line)
    return names


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("roots", nargs="+")
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 11):
        print(f"SKIPPED: python3 is {sys.version.split()[0]}, the front end follows 3.11")
        return 77
    files = []
    for root in args.roots:
        if os.path.isfile(root):
            files.append(root)
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(".py"):
                    files.append(os.path.join(dirpath, name))
    failures = 0
    counts = {"ok": 0, "error": 0}
    sources = {}
    for path in files:
        with open(path, "rb") as f:
            raw = f.read()
        try:
            sources[path] = raw.decode("utf-8")
        except UnicodeDecodeError:
            pass  # not UTF-8: outside what the playground feeds the parser
    files = [p for p in files if p in sources]
    ours = {}
    for k in range(0, len(files), 200):
        ours.update(our_views(args.tool, files[k:k + 200]))
    for path in files:
        want = python_view(sources[path])
        got = ours[path]
        allowed = os.path.basename(path) in known_differences(os.path.dirname(path))
        # CPython gives no end position for some symbol table errors (future features); ours
        # repeats the start: compare the rest.
        if (want[0] == "ok" and got[0] == "ok" and want[3][0] == "symerror" and
                got[3][0] == "symerror" and want[3][4] is None):
            got = got[:3] + (got[3][:4] + (None,) + got[3][5:],)
        if want[0] in counts:
            counts[want[0]] += 1
        if want == got:
            continue
        if allowed and want[0] == got[0]:
            continue
        failures += 1
        print(f"DIFF {path}")
        if want[0] == "ok" and got[0] == "ok":
            if want[3] != got[3]:
                print(f"  symtable differs:\n    python: {str(want[3])[:1500]}"
                      f"\n    ours:   {str(got[3])[:1500]}")
            for label, w, g in (("dump", want[1], got[1]), ("attributes", want[2], got[2])):
                if w != g:
                    i = first_difference(w, g)
                    print(f"  {label} differs at {i}:\n    python: ...{w[max(0, i - 80):i + 80]}"
                          f"\n    ours:   ...{g[max(0, i - 80):i + 80]}")
                    break
        else:
            def short(v):
                return repr(tuple(str(x)[:300] for x in v[:8]))
            print(f"  python: {short(want)}\n  ours:   {short(got)}")
    total = len(files)
    print(f"{total} files: {counts['ok']} valid, {counts['error']} with SyntaxError; "
          f"{failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
