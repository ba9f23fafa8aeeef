import multiprocessing as mp
import os

def child(tag, q):
    q.put((tag, os.getpid() != parent_pid, mp.current_process().name))

parent_pid = os.getpid()

if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=child, args=("hello", q))
    print(p.name, p.is_alive(), p.exitcode, p.pid)
    p.start()
    print(q.get())
    p.join()
    print(p.is_alive(), p.exitcode, p.pid is not None)
    print(mp.current_process().name, mp.parent_process())
