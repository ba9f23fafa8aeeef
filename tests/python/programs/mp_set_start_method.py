import multiprocessing as mp

def child(q):
    q.put(mp.current_process().name)

if __name__ == "__main__":
    mp.set_start_method("spawn")
    print(mp.get_start_method())
    try:
        mp.set_start_method("fork")
    except RuntimeError as e:
        print("RuntimeError:", e)
    mp.set_start_method("fork", force=True)
    print(mp.get_start_method())
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    print(q.get())
    p.join()
    try:
        mp.get_context("threads")
    except ValueError as e:
        print("ValueError:", e)
