# Like the multiprocessing page: exchanging objects through a Queue and through a Pipe.
from multiprocessing import Process, Queue, Pipe

def via_queue(q):
    q.put([42, None, "hello"])

def via_pipe(conn):
    conn.send([42, None, "hello"])
    conn.close()

if __name__ == "__main__":
    q = Queue()
    p = Process(target=via_queue, args=(q,))
    p.start()
    print(q.get())
    p.join()
    parent_conn, child_conn = Pipe()
    p = Process(target=via_pipe, args=(child_conn,))
    p.start()
    print(parent_conn.recv())
    p.join()
