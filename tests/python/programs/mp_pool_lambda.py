# Pool work is pickled; a lambda has no importable name, so pickling fails in the parent.
import multiprocessing as mp

def without_address(text):
    start = text.find(" at 0x")
    if start < 0:
        return text
    return text[:start] + text[text.find(">", start):]

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            pool.map(lambda x: x + 1, [1, 2])
        except Exception as e:
            print(type(e).__module__, type(e).__name__)
            print(without_address(str(e)))
        print(pool.map(abs, [-1, -2]), "the pool still works")
