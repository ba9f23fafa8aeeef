import multiprocessing as mp

def maybe_fail(x):
    if x == 3:
        raise ValueError(f"cannot handle {x}")
    return x

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            pool.map(maybe_fail, range(5))
        except ValueError as e:
            print("ValueError from a worker:", e)
        r = pool.apply_async(maybe_fail, (3,))
        r.wait()
        print(r.ready(), r.successful())
        try:
            r.get()
        except ValueError as e:
            print("get() re-raises:", e)
        errors = []
        r2 = pool.apply_async(maybe_fail, (3,), error_callback=lambda e: errors.append(repr(e)))
        r2.wait()
        print(errors)
