# Like the multiprocessing page: a Process runs f(name); info() names the module and the pids.
from multiprocessing import Process
import os

parent = os.getpid()

def info(title):
    print(title, flush=True)
    print("module name:", __name__, flush=True)
    print("parent process is ours:", os.getppid() == parent or os.getpid() == parent, flush=True)

def f(name):
    info("function f")
    print("hello", name, flush=True)

if __name__ == "__main__":
    info("main line")
    p = Process(target=f, args=("bob",))
    p.start()
    p.join()
