# args=("abc") is just the string "abc" (no comma, no tuple), so the thread calls
# greet("a", "b", "c") and fails; the exception is printed by threading.excepthook.
import threading

def greet(name):
    print("hello", name)

t = threading.Thread(target=greet, args=("abc"))
t.start()
t.join()
t = threading.Thread(target=greet, args=("abc",))
t.start()
t.join()
