a = [1, 2, 3]
print(a + [4], a * 2, [0] * 3, 2 in a, 5 not in a, len(a), a[::-1])
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid, "(the same row twice)")
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
alias = a
alias.append(4)
print(a, alias is a)
nested = [[1, 2], [3]]
shallow = nested[:]
shallow[0].append(99)
shallow.append("x")
print(nested, shallow)
print(sum([[1], [2, 3]], []), max([[1, 2], [1, 3]]), sorted([[2], [1, 5], [1]]))
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    a[10]
except IndexError as e:
    print("IndexError:", e)
try:
    a[10] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    a + (5,)
except TypeError as e:
    print("TypeError:", e)
