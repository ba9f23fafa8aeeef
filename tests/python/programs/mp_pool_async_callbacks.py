import multiprocessing as mp

def cube(x):
    return x ** 3

if __name__ == "__main__":
    collected = []
    with mp.Pool(2) as pool:
        r = pool.map_async(cube, range(5), callback=collected.append)
        print(r.get(timeout=10))
        rs = [pool.apply_async(cube, (n,), callback=collected.append) for n in (7, 8)]
        for x in rs:
            x.wait()
        pool.close()
        pool.join()
    print(collected[0], sorted(collected[1:]))
    try:
        pool.map(cube, [1])
    except ValueError as e:
        print("ValueError:", e)
