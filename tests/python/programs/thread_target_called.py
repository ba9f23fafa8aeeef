# A classic slip: target=work() calls work right away in the main thread and hands its
# result (None) to Thread as the target, so the thread itself does nothing.
import threading

ran_in = []

def work():
    ran_in.append(threading.current_thread().name)

t = threading.Thread(target=work())
print("already ran, before start():", ran_in)
t.start()
t.join()
print("after the thread:", ran_in)
good = threading.Thread(target=work)
good.start()
good.join()
print("with target=work:", ran_in)
