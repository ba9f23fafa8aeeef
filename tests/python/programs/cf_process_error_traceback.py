# A ProcessPoolExecutor call that raises: future.result() re-raises it in the parent with the
# worker's traceback as its __cause__ (concurrent.futures.process._RemoteTraceback); uncaught,
# the report shows the worker's traceback first.
from concurrent.futures import ProcessPoolExecutor


def divide(a, b):
    return a / b


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        fut = ex.submit(divide, 1, 0)
        exc = fut.exception()
        print(repr(exc), type(exc.__cause__).__name__)
        print(str(exc.__cause__).splitlines()[-2:])
        for result in ex.map(divide, [4, 6, 8], [2, 0, 4]):
            print(result)
