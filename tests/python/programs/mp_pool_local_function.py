import multiprocessing as mp

def main():
    def triple(x):
        return 3 * x
    with mp.Pool(2) as pool:
        try:
            pool.map(triple, [1, 2])
        except AttributeError as e:
            print("AttributeError:", e)
        r = pool.apply_async(triple, (1,))
        try:
            r.get(timeout=5)
        except AttributeError as e:
            print("AttributeError:", e)

if __name__ == "__main__":
    main()
