import threading

results = {}

def square(n):
    results[n] = n * n

threads = [threading.Thread(target=square, args=(n,)) for n in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print(all(not t.is_alive() for t in threads))
