from concurrent.futures import ThreadPoolExecutor

def slow_double(x):
    return x * 2

with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(slow_double, range(8))))
    print(list(ex.map(pow, [2, 3, 4], [5, 2, 1])))
    results = ex.map(lambda s: s.upper(), ["a", "b"])
    print(type(results).__name__, list(results))

def fail_on_three(x):
    if x == 3:
        raise ValueError("three")
    return x

with ThreadPoolExecutor(2) as ex:
    it = ex.map(fail_on_three, range(5))
    got = []
    try:
        for value in it:
            got.append(value)
    except ValueError as e:
        print("map re-raises in order:", got, e)
