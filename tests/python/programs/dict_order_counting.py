text = "the cat and the hat and the bat"
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
groups = {}
for word in text.split():
    groups.setdefault(len(word), []).append(word)
print(groups)
d = {"b": 1, "a": 2}
d["c"] = 3
del d["b"]
d["b"] = 4
print(d, list(d))
print({k: v for k, v in sorted(d.items(), key=lambda kv: kv[1], reverse=True)})
inverse = {}
for k, v in {"x": 1, "y": 2, "z": 1}.items():
    inverse.setdefault(v, []).append(k)
print(inverse)
print(max(counts, key=counts.get), min(counts.values()))
