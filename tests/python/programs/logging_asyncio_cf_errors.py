# With logging configured, the errors asyncio and concurrent.futures report themselves (the
# loop's exception handler, "Task exception was never retrieved", "exception calling callback")
# go through the "asyncio" and "concurrent.futures" loggers: the program's format applies.
import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

logging.basicConfig(format="LOG %(levelname)s [%(name)s] %(message)s")


def bad_callback(fut):
    raise KeyError(f"callback saw {fut.result()}")


with ThreadPoolExecutor(max_workers=1) as ex:
    f = ex.submit(sum, [1, 2, 3])
    f.result()
    f.add_done_callback(bad_callback)


async def boom():
    raise ValueError("nobody awaited me")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_exception_handler({"message": "custom problem", "detail": 42})
    task = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("main done", task.done())


logging.getLogger("asyncio").setLevel(logging.ERROR)
asyncio.run(main())
print("end")
