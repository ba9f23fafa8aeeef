# os._exit(n) ends the process at once: no finally, no joining of threads, exit status n;
# in a multiprocessing child, from any of its threads, it gives the child's exitcode (& 0xFF).
import multiprocessing as mp
import os
import threading


def child(n):
    print("child", n, "exits", flush=True)
    try:
        os._exit(n)
    finally:
        print("never printed: os._exit runs no finally block")


def child_thread_exits():
    threading.Thread(target=os._exit, args=(9,)).start()
    threading.Event().wait()  # never set: the thread's os._exit ends the process


if __name__ == "__main__":
    for n in (0, 7, 300):
        p = mp.Process(target=child, args=(n,))
        p.start()
        p.join()
        print("exitcode", p.exitcode)
    p = mp.Process(target=child_thread_exits)
    p.start()
    p.join()
    print("a thread's os._exit ends its process:", p.exitcode)
    for bad in ("x", 1.5, 2 ** 40):
        try:
            os._exit(bad)
        except Exception as e:
            print(type(e).__name__, e)
    try:
        os._exit()
    except TypeError as e:
        print(e)
    blocker = threading.Event()
    threading.Thread(target=blocker.wait).start()  # a non-daemon thread nobody will join
    print("exiting with status 4", flush=True)
    try:
        os._exit(status=4)
    finally:
        print("never printed either")
