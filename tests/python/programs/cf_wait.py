from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED
import threading

release = threading.Event()

def quick():
    return "quick"

def blocked():
    release.wait()
    return "blocked"

def broken():
    raise RuntimeError("broken")

with ThreadPoolExecutor(max_workers=3) as ex:
    fq, fb = ex.submit(quick), ex.submit(blocked)
    done, not_done = wait([fq, fb], return_when=FIRST_COMPLETED)
    print([f.result() for f in done], len(not_done))
    done, not_done = wait([fb], timeout=0.05)
    print(len(done), len(not_done))
    fx = ex.submit(broken)
    done, not_done = wait([fx, fb], return_when=FIRST_EXCEPTION)
    print([type(f.exception()).__name__ for f in done], len(not_done))
    release.set()
    done, not_done = wait([fq, fb, fx], return_when=ALL_COMPLETED)
    print(len(done), len(not_done), fb.result())
print(FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)
