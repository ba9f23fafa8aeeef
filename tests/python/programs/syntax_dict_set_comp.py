words = ["red", "green", "blue", "red", "gray"]
lengths = {w: len(w) for w in words}
print(lengths)
print({n: n ** 2 for n in range(5) if n != 2})
print({len(w) for w in words})
print(sorted({w[0] for w in words}))
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
print({(i, j): i * j for i in range(2) for j in range(2)})
print({n % 3 for n in range(100)})
print({k: [x for x in range(k)] for k in range(3)})
