from collections import defaultdict, Counter

groups = defaultdict(list)
for word in "one two three four five six".split():
    groups[len(word)].append(word)
print(groups)
print(dict(groups), groups[10], 10 in groups)
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
print({k: dict(v) for k, v in nested.items()})
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError:", e)

c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2))
c.update("aaz")
c.subtract({"b": 2})
print(c.most_common(3), sorted(c.elements())[:6], c.total())
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3, b=1) - Counter(a=1, b=5))
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter("aab") & Counter("abb"), Counter("aab") | Counter("abb"))
words = "the cat the dog the end dog".split()
print(Counter(words).most_common())
