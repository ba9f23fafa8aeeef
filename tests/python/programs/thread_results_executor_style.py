import threading

def fetch(n):
    return sum(range(n))

results = [None] * 5
def run(index, n):
    results[index] = fetch(n)

ts = [threading.Thread(target=run, args=(i, 10 ** i)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(results)
