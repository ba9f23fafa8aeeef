import threading
import time

IO_MS = 100  # pause while holding the first lock, in ms; 0 = the deadlock may not happen

lock_a = threading.Lock()
lock_b = threading.Lock()


def one():
    with lock_a:
        print("Thread 1: holding lock_a")
        time.sleep(IO_MS / 1000)  # time for the other thread to take lock_b
        print("Thread 1: waiting for lock_b")
        with lock_b:
            print("Thread 1: got both locks")


def two():
    with lock_b:  # the opposite order: this is the bug
        print("Thread 2: holding lock_b")
        time.sleep(IO_MS / 1000)
        print("Thread 2: waiting for lock_a")
        with lock_a:
            print("Thread 2: got both locks")


# daemon=True only so that Ctrl-C can end the program once it hangs.
thread1 = threading.Thread(target=one, daemon=True)
thread2 = threading.Thread(target=two, daemon=True)
thread1.start()
thread2.start()
thread1.join()  # hangs: each thread waits for the lock the other holds
thread2.join()
print("Main: both threads finished")
