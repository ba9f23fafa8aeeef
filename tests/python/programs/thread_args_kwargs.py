import threading

out = []
lock = threading.Lock()

def greet(greeting, name, *, punct="!", times=1):
    with lock:
        out.append(f"{greeting}, {name}{punct}" * times)

ts = [
    threading.Thread(target=greet, args=("Hello", "Ann")),
    threading.Thread(target=greet, args=("Hi",), kwargs={"name": "Bob", "punct": "?"}),
    threading.Thread(target=greet, kwargs={"greeting": "Yo", "name": "Cy", "times": 2}),
]
for t in ts:
    t.start()
    t.join()
print(out)
t = threading.Thread()
t.start()
t.join()
print("a thread without a target runs and ends:", not t.is_alive())
