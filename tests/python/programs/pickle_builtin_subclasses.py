# Subclasses of str, int, tuple and bytes pickle with their value (cls.__new__(cls, value), as
# copyreg does through __getnewargs__), so they cross to another process intact.
import multiprocessing as mp
import pickle


class Name(str):
    def greet(self):
        return "hello " + self


class Count(int):
    pass


class Pair(tuple):
    def swap(self):
        return Pair((self[1], self[0]))


class Blob(bytes):
    pass


def describe(v):
    return type(v).__name__, repr(v)  # plain values back: the parent takes no child classes


if __name__ == "__main__":
    values = [Name("ada"), Count(42), Count(-2 ** 80), Pair((1, "x")), Blob(b"\x00ab"),
              [Name("in a list")], {"k": Pair(())}]
    for v in values:
        u = pickle.loads(pickle.dumps(v))
        print(type(u).__name__, u, u == v)
    print(pickle.loads(pickle.dumps(Name("bob"))).greet(), pickle.loads(pickle.dumps(Pair((1, 2)))).swap())
    with mp.Pool(1) as pool:
        print(pool.map(describe, values[:5]))
