# A bytearray crosses to a child process pickled by value: the child's change comes back in the
# result and the parent's own bytearray is unchanged.
import multiprocessing as mp


def grow(buf):
    buf.append(33)
    buf[0:1] = b"H"
    return buf


def send(q, data):
    q.put(data)


if __name__ == "__main__":
    ba = bytearray(b"hi")
    with mp.Pool(1) as pool:
        result = pool.apply(grow, (ba,))
    print(result, ba, type(result).__name__)
    q = mp.Queue()
    p = mp.Process(target=send, args=(q, bytearray(b"via queue")))
    p.start()
    print(q.get())
    p.join()
