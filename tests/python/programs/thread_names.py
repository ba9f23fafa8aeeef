import threading

def work():
    pass

def other():
    pass

seen = []
def record():
    seen.append(threading.current_thread().name)

print(threading.current_thread().name, threading.main_thread().name)
a = threading.Thread(target=work)
b = threading.Thread(target=other)
c = threading.Thread(target=record, name="custom-name")
d = threading.Thread()
e = threading.Thread(target=lambda: None)
print(a.name, "|", b.name, "|", c.name, "|", d.name, "|", e.name)
for t in (a, b, c, d, e):
    t.start()
    t.join()
print(seen)
a.name = "renamed"
print(a.name)

class Worker(threading.Thread):
    def run(self):
        pass

w = Worker()
print(w.name)
