# loop.run_in_executor: None means the loop's default ThreadPoolExecutor (threads named
# asyncio_N); exceptions come back through await; set_default_executor wants a
# ThreadPoolExecutor; after shutdown_default_executor, the default executor is refused.
import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor


def where(x):
    return x, threading.current_thread().name


def fail():
    raise LookupError("not here")


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, where, 1))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mine") as pool:
        print(await loop.run_in_executor(pool, where, 2))
    try:
        await loop.run_in_executor(None, fail)
    except LookupError as e:
        print("LookupError:", e)
    results = await asyncio.gather(*(loop.run_in_executor(None, pow, 2, n) for n in range(5)))
    print(results)
    x, name = await asyncio.to_thread(where, 3)
    print(x, name.startswith("asyncio_"))
    try:
        loop.set_default_executor(object())
    except TypeError as e:
        print("TypeError:", e)
    await loop.shutdown_default_executor()
    try:
        loop.run_in_executor(None, abs, -1)
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
t = threading.Thread(target=lambda: None)
print(t.name)
