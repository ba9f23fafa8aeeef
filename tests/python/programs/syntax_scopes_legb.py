x = "global"

def outer():
    x = "enclosing"
    def inner():
        return x
    def shadow():
        x = "local"
        return x
    return inner(), shadow()

print(outer(), x)

def make_accumulators():
    results = []
    for i in range(3):
        def acc(step, start=i):
            nonlocal_total = start + step
            return nonlocal_total
        results.append(acc)
    return results

print([f(10) for f in make_accumulators()])

def counter_factory():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get

inc, get = counter_factory()
inc(); inc()
print(get(), inc(), get())
print(type(len).__name__, len.__name__, __name__)
