import multiprocessing as mp
import signal
import time

def sleeper(ready):
    ready.set()
    time.sleep(30)

if __name__ == "__main__":
    for how in ("terminate", "kill"):
        ready = mp.Event()
        p = mp.Process(target=sleeper, args=(ready,))
        p.start()
        ready.wait()
        getattr(p, how)()
        p.join()
        print(how, p.exitcode, p.exitcode == -{"terminate": signal.SIGTERM, "kill": signal.SIGKILL}[how], p.is_alive())
