# An exception in a Pool worker reaches the parent with the worker's traceback: caught, its
# __cause__ is a multiprocessing.pool.RemoteTraceback holding the text; uncaught, the report
# shows the worker's traceback first ("The above exception was the direct cause ...").
from multiprocessing import Pool


def parse(text):
    return int(text)


def checked(x):
    if x < 0:
        raise ValueError(f"negative input: {x}")
    return x * x


if __name__ == "__main__":
    with Pool(2) as pool:
        try:
            pool.map(parse, ["1", "two", "3"])
        except ValueError as e:
            cause = e.__cause__
            print(type(e).__name__, e)
            print(type(cause).__module__, type(cause).__name__)
            lines = str(cause).splitlines()
            print(lines[1], lines[2], lines[-2], lines[-1], sep="\n")
        result = pool.apply_async(checked, (-2,))
        try:
            result.get(timeout=5)
        except ValueError as e:
            print(repr(e), "in parse" in str(e.__cause__), "in checked" in str(e.__cause__))
        print(pool.map(checked, [1, 2, -3]))
