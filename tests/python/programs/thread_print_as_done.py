# conformance: unordered
# Workers print as they finish; which finishes first varies from run to run. The lock keeps
# each line whole: CPython's print() writes the text and the newline separately, so two
# threads printing at once can tear each other's lines.
import threading

print_lock = threading.Lock()

def work(n):
    total = sum(i * i for i in range(n * 1000))
    with print_lock:
        print(f"worker {n} done: {total}")

threads = [threading.Thread(target=work, args=(n,)) for n in range(1, 5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("all workers joined")
