# signal as a program uses it on Linux: the Signals/Handlers enums, handlers set with
# signal.signal() and run by raise_signal()/os.kill(os.getpid(), n), the defaults (SIGINT:
# KeyboardInterrupt; SIGTERM ends a process: a child's exitcode is -15), CPython's errors.
import multiprocessing as mp
import os
import signal
import threading


def attempt(text, f):
    try:
        print(text, "->", f())
    except BaseException as e:
        print(text, "->", type(e).__name__, e)


def die_by_default(sig):
    print("child raising", sig, flush=True)
    signal.raise_signal(sig)
    print("not reached")


if __name__ == "__main__":
    print(signal.SIGINT, repr(signal.SIGTERM), signal.SIG_DFL, repr(signal.SIG_IGN), signal.NSIG)
    print(signal.Signals(15), signal.Signals["SIGHUP"].value, signal.SIGIOT is signal.SIGABRT,
          signal.SIGPOLL.name, -signal.SIGKILL, signal.SIGALRM + 1, f"{signal.SIGUSR1}")
    print(signal.getsignal(signal.SIGINT), repr(signal.getsignal(signal.SIGTERM)),
          repr(signal.getsignal(signal.SIGPIPE)), signal.default_int_handler.__module__)
    print([signal.strsignal(s) for s in (1, 2, 9, 10, 15, 17, 34, 40)], signal.strsignal(32))
    valid = signal.valid_signals()
    print(len(valid), min(valid), max(valid), 32 in valid, 35 in valid)

    got = []

    def handler(signum, frame):
        got.append(signum)

    print(repr(signal.signal(signal.SIGUSR1, handler)))
    signal.raise_signal(signal.SIGUSR1)
    os.kill(os.getpid(), signal.SIGUSR1)
    print(got, signal.getsignal(signal.SIGUSR1) is handler)
    print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
    signal.raise_signal(signal.SIGUSR1)
    signal.raise_signal(signal.SIGCHLD)
    print("ignored", got, repr(signal.signal(signal.SIGUSR1, 0)))

    def raising(signum, frame):
        raise RuntimeError(f"handler for {signal.Signals(signum).name}")

    signal.signal(signal.SIGUSR2, raising)
    attempt("raise_signal(SIGUSR2)", lambda: signal.raise_signal(signal.SIGUSR2))
    attempt("raise_signal(SIGINT)", lambda: signal.raise_signal(signal.SIGINT))
    attempt("default_int_handler", lambda: signal.default_int_handler(2, None))
    attempt("signal(SIGINT, 5)", lambda: signal.signal(signal.SIGINT, 5))
    attempt("signal(100, SIG_IGN)", lambda: signal.signal(100, signal.SIG_IGN))
    attempt("signal(0, SIG_IGN)", lambda: signal.signal(0, signal.SIG_IGN))
    attempt("signal(SIGKILL, SIG_IGN)", lambda: signal.signal(signal.SIGKILL, signal.SIG_IGN))
    attempt("getsignal(65)", lambda: signal.getsignal(65))
    attempt("strsignal(0)", lambda: signal.strsignal(0))
    attempt("raise_signal(100)", lambda: signal.raise_signal(100))
    attempt("Signals(99)", lambda: signal.Signals(99))
    t = threading.Thread(
        target=attempt, args=("signal() in a thread", lambda: signal.signal(2, handler)))
    t.start()
    t.join()

    for sig in (signal.SIGTERM, signal.SIGUSR1):
        p = mp.Process(target=die_by_default, args=(sig,))
        p.start()
        p.join()
        print("child exitcode", p.exitcode, p.exitcode == -sig)
