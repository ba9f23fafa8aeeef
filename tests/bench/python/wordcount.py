words = ["thread", "process", "lock", "queue", "event", "future", "task", "loop",
         "await", "gil", "pool", "worker", "sleep", "join", "start", "result"]
parts = []
counts = {}
seed = 12345
for i in range(400000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    parts.append(words[seed % 16] + str(seed % 7))
for w in " ".join(parts).split():
    counts[w] = counts.get(w, 0) + 1
print(len(counts), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
