import itertools

print(list(itertools.product("ab", [1, 2])))
print(list(itertools.product([0, 1], repeat=3)))
print(list(itertools.permutations("abc", 2)), len(list(itertools.permutations(range(5)))))
print(list(itertools.combinations(range(4), 2)), list(itertools.combinations("abc", 0)))
print(list(itertools.combinations_with_replacement("ab", 2)))
print(list(itertools.permutations([1, 1, 2])))
