import threading

info = {}

def probe(key):
    me = threading.current_thread()
    info[key] = (me.name, me is threading.main_thread(), me.ident == threading.get_ident(),
                 threading.get_ident() != main_ident)

main_ident = threading.get_ident()
t = threading.Thread(target=probe, args=("worker",), name="probe")
t.start()
t.join()
probe("main")
print(info["worker"])
print(info["main"][:3])
print(threading.main_thread().is_alive(), threading.current_thread().daemon)
print(type(threading.get_ident()).__name__, t.ident is not None, t.native_id is not None)
