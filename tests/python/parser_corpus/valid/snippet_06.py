*a, b = c
[x, *y] = z
(a, b), c = d
