from concurrent.futures import ThreadPoolExecutor

def power(base, exp=2):
    return base ** exp

with ThreadPoolExecutor(max_workers=3) as ex:
    futures = [ex.submit(power, n) for n in range(5)]
    print([f.result() for f in futures])
    f = ex.submit(power, 2, exp=10)
    print(f.result(timeout=5), f.done(), f.cancelled(), f.running(), f.exception())
print(ex.submit.__name__)
