import multiprocessing as mp
import os

def report(q):
    q.put((os.getpid(), os.getppid()))

if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=report, args=(q,))
    p.start()
    child_pid, child_ppid = q.get()
    p.join()
    print("child's pid differs:", child_pid != os.getpid())
    print("child's parent is us:", child_ppid == os.getpid())
    print("Process.pid matches:", p.pid == child_pid)
