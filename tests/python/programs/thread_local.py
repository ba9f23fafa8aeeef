import threading

data = threading.local()
data.name = "main"
results = {}

def work(n):
    print_safe = hasattr(data, "name")
    data.name = f"worker-{n}"
    data.count = n * 10
    results[n] = (print_safe, data.name, data.count)

ts = [threading.Thread(target=work, args=(n,)) for n in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()))
print(data.name, hasattr(data, "count"))

class Ctx(threading.local):
    def __init__(self):
        self.depth = 0

ctx = Ctx()
ctx.depth = 5
seen = []
t = threading.Thread(target=lambda: seen.append(ctx.depth))
t.start()
t.join()
print(ctx.depth, seen)
