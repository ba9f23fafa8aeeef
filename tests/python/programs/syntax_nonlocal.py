def outer():
    x = 1
    def middle():
        x = 2
        def inner():
            nonlocal x
            x += 10
            return x
        r = inner()
        return r, x
    m = middle()
    return m, x

print(outer())

def running_average():
    total = 0
    count = 0
    def add(value):
        nonlocal total, count
        total += value
        count += 1
        return total / count
    return add

avg = running_average()
for v in (10, 20, 60):
    print(avg(v))
