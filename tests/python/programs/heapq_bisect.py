import heapq
import bisect

h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 6), data, heapq.heappushpop(data, 0), data)
print(heapq.nsmallest(3, [5, 1, 8, 3, 9]), heapq.nlargest(2, [5, 1, 8, 3, 9]))
print(heapq.nlargest(2, ["pear", "fig", "banana"], key=len), list(heapq.merge([1, 4], [2, 3])))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "test"))
print([heapq.heappop(tasks)[1] for _ in range(3)])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)

grades = [60, 70, 80, 90]
print([bisect.bisect(grades, s) for s in (55, 60, 75, 95)], bisect.bisect_left(grades, 70))
xs = [1, 3, 5]
bisect.insort(xs, 4)
bisect.insort_left(xs, 0)
print(xs, bisect.bisect_right(xs, 3), bisect.bisect_left(xs, 3))
people = [("ann", 25), ("bob", 31), ("cy", 40)]
print(bisect.bisect_left(people, 31, key=lambda p: p[1]))
