def worker():
    try:
        while True:
            try:
                item = yield
                print("  working on", item)
            except ValueError as e:
                print("  recovered from", e)
    finally:
        print("  cleanup")

w = worker()
next(w)
w.send(1)
w.throw(ValueError("bad item"))
w.send(2)
w.close()
print("closed")
w.close()
try:
    w.send(3)
except StopIteration:
    print("send after close: StopIteration")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def plain():
    yield 1
p = plain()
next(p)
try:
    p.throw(KeyError("k"))
except KeyError as e:
    print("thrown out again:", repr(e))
