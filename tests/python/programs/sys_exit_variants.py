import sys

def attempt(arg):
    try:
        if arg == "no arg":
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "-> code", repr(e.code), "| args", e.args)

for arg in ("no arg", 0, 1, 42, "message", None, [1, 2]):
    attempt(arg)
try:
    raise SystemExit(5)
except SystemExit as e:
    print("raise SystemExit(5) ->", e.code)
print(issubclass(SystemExit, Exception))
try:
    try:
        sys.exit(2)
    except Exception:
        print("not caught by except Exception")
except SystemExit:
    print("SystemExit passes through except Exception")
sys.exit(4)
