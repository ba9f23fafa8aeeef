from contextlib import contextmanager, suppress, nullcontext, closing, ExitStack, redirect_stdout
import io

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("p") as t:
    print("  inside", t)
try:
    with tag("div"):
        raise ValueError("inside div")
except ValueError as e:
    print("propagated:", e)

with suppress(KeyError, IndexError):
    {}["x"]
print("suppressed")
with nullcontext("value") as v:
    print(v)

class Resource:
    def close(self):
        print("closed")

with closing(Resource()):
    print("using resource")

with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in ("a", "b")]
    stack.callback(print, "callback runs first")
    print(names)

buffer = io.StringIO()
with redirect_stdout(buffer):
    print("captured")
print(repr(buffer.getvalue()))
