[x for x in range(10) if x % 2 if x > 3]
{x: y for x, y in z}
{x for x in y}
(x for x in y)
[(a, b) for a in x for b in y]
