a, *b = c
[*x] = y
print(*a, *b)
t = (*a, *b)
s = {*a}
z = x[*a]
