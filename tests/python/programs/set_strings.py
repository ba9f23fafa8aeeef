# conformance: hashseed
# The iteration order of a set of strings depends on str hashing (here PYTHONHASHSEED=0).
fruits = {"apple", "banana", "cherry", "date", "elderberry"}
print(fruits)
print(list({"x", "y", "z"}))
print(set("abcdef"))
print(frozenset({"red", "green", "blue"}))
print({"one", "two"} | {"three"})
