import multiprocessing as mp

def echo(conn):
    while True:
        msg = conn.recv()
        if msg == "stop":
            conn.send("bye")
            break
        conn.send(msg.upper() if isinstance(msg, str) else msg * 2)
    conn.close()

if __name__ == "__main__":
    parent, child = mp.Pipe()
    p = mp.Process(target=echo, args=(child,))
    p.start()
    for msg in ("hello", 21, [1, 2]):
        parent.send(msg)
        print(parent.recv())
    parent.send("stop")
    print(parent.recv())
    p.join()
    print(parent.poll(0.01))
    a, b = mp.Pipe(duplex=False)
    b.send("one way")
    print(a.recv())
