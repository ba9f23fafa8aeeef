import threading

def fail():
    raise ValueError("bad value in thread")

caught = []
def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))

original = threading.excepthook
threading.excepthook = hook
t = threading.Thread(target=fail, name="failing")
t.start()
t.join()
threading.excepthook = original
print(caught)
print(threading.__excepthook__ is original)
t2 = threading.Thread(target=fail)
t2.start()
t2.join()
print("main thread still fine, exit status 0")
