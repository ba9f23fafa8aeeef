import multiprocessing as mp

counter = 0
shared_list = ["parent"]

def child():
    global counter
    counter += 100
    shared_list.append("child")
    print("in child:", counter, shared_list, flush=True)

if __name__ == "__main__":
    counter = 1
    p = mp.Process(target=child)
    p.start()
    p.join()
    print("in parent:", counter, shared_list)
