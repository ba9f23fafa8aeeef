import multiprocessing as mp

def add(total, arr, n):
    for _ in range(n):
        with total.get_lock():
            total.value += 1
    with arr.get_lock():  # read-modify-write of shared memory: without it an update is lost
        for i in range(len(arr)):
            arr[i] = arr[i] * 2

if __name__ == "__main__":
    total = mp.Value("i", 0)
    arr = mp.Array("d", [1.0, 2.0, 3.0])
    ps = [mp.Process(target=add, args=(total, arr, 500)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(total.value)
    print(arr[:], len(arr))
    v = mp.Value("d", 1.5)
    print(v.value, mp.Array("i", 3)[:])
