# conformance: exit=3
# Deadlock by design: each thread holds one lock and waits for the other (taken in opposite
# orders). CPython hangs forever; the playground ends the run with the engine's deadlock report
# (exit status 3), naming who waits for what. The report's exact text is not settled yet:
# deadlock_two_locks.err.re checks its gist.
import threading

lock_a = threading.Lock()
lock_b = threading.Lock()
both_hold_one = threading.Barrier(2)

def forward():
    with lock_a:
        both_hold_one.wait()
        with lock_b:
            print("never: forward got both")

def backward():
    with lock_b:
        both_hold_one.wait()
        with lock_a:
            print("never: backward got both")

t1 = threading.Thread(target=forward)
t2 = threading.Thread(target=backward)
t1.start()
t2.start()
print("both threads started", flush=True)
t1.join()
t2.join()
print("never printed")
