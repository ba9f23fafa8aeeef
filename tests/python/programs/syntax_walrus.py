data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"{n} items")
queue = list(range(5))
while (item := queue.pop()) > 1:
    print("item", item)
print("stopped at", item)
print([y for x in data if (y := x * 2) > 6])
print(y)
values = [v for v in ("1", "x", "22") if (num := v.isdigit())]
print(values, num)
total = 0
print([total := total + x for x in data], total)
print((z := 5) + z)
def f():
    return [w := i for i in range(3)], w
print(f())
