import itertools

print(list(itertools.islice(itertools.count(), 5)), list(itertools.islice(itertools.count(10, 2.5), 3)))
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.repeat("x", 3)))
print(list(zip(range(3), itertools.repeat(0))), list(map(pow, range(4), itertools.repeat(2))))
print(list(itertools.islice("abcdefg", 2, None, 2)), list(itertools.islice(range(100), 3)))
print(list(itertools.islice(range(10), 1, 8, 3)), next(itertools.islice(itertools.count(), 99, None)))
print(repr(itertools.count(5)), repr(itertools.repeat(1, 2)))
