import multiprocessing as mp

config = {"factor": 1}

def setup(factor):
    config["factor"] = factor

def scale(x):
    return x * config["factor"]

if __name__ == "__main__":
    with mp.Pool(2, initializer=setup, initargs=(10,)) as pool:
        print(pool.map(scale, range(6)))
    print("parent's config untouched:", config)
