# conformance: unordered
# Child processes print directly; their lines arrive in any order.
import multiprocessing as mp

def report(n):
    print(f"child {n}: {n ** 3}", flush=True)

if __name__ == "__main__":
    procs = [mp.Process(target=report, args=(n,)) for n in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("parent: all children finished")
