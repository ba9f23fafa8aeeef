from contextlib import contextmanager

@contextmanager
def handled():
    try:
        yield
    except ZeroDivisionError as e:
        print("handled inside the manager:", e)

with handled():
    1 / 0
print("continued")

@contextmanager
def twice():
    yield 1
    yield 2

try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def never():
    if False:
        yield

try:
    with never():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def timer(log):
    log.append("start")
    yield log
    log.append("end")

log = []
with timer(log) as l:
    l.append("work")
print(log)
