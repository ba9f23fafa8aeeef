def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return count

avg = averager()
print(next(avg))
for v in (10, 20, 30):
    print(avg.send(v))
try:
    avg.send(None)
except StopIteration as stop:
    print("returned", stop.value)

def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"

e = echo()
print(e.send(None))
print(e.send("a"), e.send("b"))
g = echo()
try:
    g.send("too early")
except TypeError as err:
    print("TypeError:", err)
