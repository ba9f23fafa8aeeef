# What the lock factories return, as a learner inspects them: Lock() is _thread.lock and
# RLock() is _thread.RLock (C types in CPython), with their reprs and misuse errors.
import pickle
import threading

lock = threading.Lock()
rlock = threading.RLock()
print(type(lock), type(rlock))
print(type(rlock).__name__, type(rlock).__module__, type(rlock).__qualname__)
print(isinstance(rlock, type(threading.RLock())))
print(repr(rlock).split(" at ")[0])
with rlock:
    with rlock:
        me = str(threading.get_ident())
        print(repr(rlock).split(" at ")[0].replace(me, "<me>"))
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
for obj in (lock, rlock):
    try:
        pickle.dumps(obj)
    except TypeError as e:
        print("TypeError:", e)
cond = threading.Condition()
print(repr(cond).split(" at ")[0])
print(type(cond._lock) is type(rlock) if hasattr(cond, "_lock") else True)
