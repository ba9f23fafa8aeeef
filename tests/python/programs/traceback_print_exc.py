# A worker that catches its error, shows the traceback and carries on (traceback.print_exc in an
# except block), and the traceback module's text as a str: format_exc, format_exception, and
# format_exception_only's last line.
import sys
import threading
import traceback


def parse(text):
    return int(text)


def worker(items, results):
    for item in items:
        try:
            results.append(parse(item))
        except ValueError:
            print(f"skipping {item!r}:", file=sys.stderr)
            traceback.print_exc()


results = []
t = threading.Thread(target=worker, args=(["1", "x", "3"], results))
t.start()
t.join()
print("results", results)

try:
    {"a": 1}["b"]
except KeyError as e:
    text = traceback.format_exc()
    print(text.splitlines()[0])
    print(text.splitlines()[-1])
    lines = traceback.format_exception(e)
    print("".join(lines) == text, lines[0] == "Traceback (most recent call last):\n")
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("while dividing") from e
except RuntimeError as e:
    e.add_note("a note")
    traceback.print_exception(e)
    print("".join(traceback.format_exception(e, chain=False)), end="")
    traceback.print_exception(type(e), e, e.__traceback__, file=sys.stdout)
print(traceback.format_exc(), end="")
print(traceback.format_exception(None))
