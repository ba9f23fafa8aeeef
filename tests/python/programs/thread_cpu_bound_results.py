import threading

def count_primes(lo, hi, out, key):
    count = 0
    for n in range(max(lo, 2), hi):
        for d in range(2, int(n ** 0.5) + 1):
            if n % d == 0:
                break
        else:
            count += 1
    out[key] = count

out = {}
bounds = [(0, 5000), (5000, 10000), (10000, 15000), (15000, 20000)]
ts = [threading.Thread(target=count_primes, args=(lo, hi, out, i)) for i, (lo, hi) in enumerate(bounds)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([out[i] for i in range(4)], sum(out.values()))
