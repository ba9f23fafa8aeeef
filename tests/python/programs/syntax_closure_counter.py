def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    def peek():
        return count

    return increment, peek

inc, peek = make_counter()
inc()
inc()
inc(10)
print(peek())

inc2, peek2 = make_counter(100)
inc2()
print(peek(), peek2())
print(inc(0), peek2())

def adders():
    return [lambda x, n=n: x + n for n in range(3)]

print([f(10) for f in adders()])
