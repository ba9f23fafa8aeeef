from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

def risky(x):
    if x % 3 == 0:
        raise ValueError(f"{x} is a multiple of 3")
    return x * 2

def run(executor_class):
    with executor_class(max_workers=2) as ex:
        futures = [ex.submit(risky, x) for x in range(1, 8)]
        out = []
        for f in futures:
            try:
                out.append(f.result())
            except ValueError as e:
                out.append(str(e))
        return out

if __name__ == "__main__":
    print(run(ThreadPoolExecutor))
    print(run(ProcessPoolExecutor))
