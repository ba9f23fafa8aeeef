import multiprocessing as mp
import sys

def ok():
    pass

def exits(code):
    sys.exit(code)

def raises():
    raise ValueError("child failed")

def message():
    sys.exit("child says bye")

if __name__ == "__main__":
    for target, args in ((ok, ()), (exits, (3,)), (exits, (0,)), (raises, ()), (message, ())):
        p = mp.Process(target=target, args=args)
        p.start()
        p.join()
        print(target.__name__, args, "->", p.exitcode)
