people = [("ann", 31), ("bob", 25), ("cid", 31), ("dee", 25), ("eve", 40), ("fay", 25)]
by_age = sorted(people, key=lambda p: p[1])
print(by_age)
print(sorted(people, key=lambda p: p[1], reverse=True))
by_name_desc = sorted(people, key=lambda p: p[0], reverse=True)
print(sorted(by_name_desc, key=lambda p: p[1]))
records = list(people)
records.sort(key=lambda p: p[0], reverse=True)
records.sort(key=lambda p: p[1])
print(records)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted({3: "c", 1: "a"}))
nums = [5, -3, 2, -8, 0]
print(sorted(nums, key=abs), sorted(nums, key=lambda n: (n % 2, n)))
big = [(i * 7919) % 101 for i in range(300)]
print(sorted(big)[:10], sorted(big) == sorted(sorted(big, reverse=True)))
