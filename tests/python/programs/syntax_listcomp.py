nums = list(range(10))
print([n * n for n in nums])
print([n for n in nums if n % 3 == 0])
print([(a, b) for a in range(3) for b in range(a)])
print([[r * c for c in range(1, 4)] for r in range(1, 4)])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
words = ["apple", "Banana", "cherry"]
print([w.lower() for w in words if len(w) > 5])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([list(col) for col in zip(*matrix)])
x = "outer"
print([x for x in "ab"], x)
print([y := n * 2 for n in range(3)], y)
