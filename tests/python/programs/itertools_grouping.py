import itertools
import operator

data = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for letter, group in itertools.groupby(data, key=lambda w: w[0]):
    print(letter, list(group))
print([(k, len(list(g))) for k, g in itertools.groupby("aaabbcaa")])
print([k for k, _ in itertools.groupby(sorted("mississippi"))])
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4, 1, 5], max)))
print(list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(itertools.chain("ab", [1], (2,))), list(itertools.chain.from_iterable([[1, 2], [3]])))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.filterfalse(str.isdigit, "a1b2")), list(itertools.compress("abcd", [1, 0, 1, 0])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.pairwise("abcd")))
a, b = itertools.tee(iter([1, 2, 3]))
print(list(a), list(b))
