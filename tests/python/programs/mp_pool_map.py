import multiprocessing as mp

def square(x):
    return x * x

def add(a, b):
    return a + b

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        print(list(pool.imap(square, range(5))))
        print(sorted(pool.imap_unordered(square, range(5))))
        r = pool.apply_async(add, (20, 22))
        print(r.get(timeout=5), r.ready(), r.successful())
        print(pool.apply(square, (9,)))
        print(pool.map(square, [], chunksize=3))
