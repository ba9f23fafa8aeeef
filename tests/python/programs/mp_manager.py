import multiprocessing as mp

def fill(d, lst, key):
    d[key] = key * 10
    lst.append(key)

if __name__ == "__main__":
    with mp.Manager() as manager:
        d = manager.dict()
        lst = manager.list()
        ps = [mp.Process(target=fill, args=(d, lst, k)) for k in range(4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()))
        print(sorted(lst))
        print(dict(sorted(d.copy().items())), len(lst))
