# A plain thread hands results to the event loop with call_soon_threadsafe: the loop, idle with
# no timer pending (or in a long timed wait), wakes at once.
import asyncio
import threading
import time


def producer(loop, fut, values):
    for v in values:
        loop.call_soon_threadsafe(print, "from thread:", v)
    loop.call_soon_threadsafe(fut.set_result, sum(values))


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = threading.Thread(target=producer, args=(loop, fut, [1, 2, 3]))
    t.start()
    print("awaiting a future only the thread completes")
    print("result:", await fut)
    t.join()

    fut2 = loop.create_future()
    start = time.monotonic()
    t2 = threading.Thread(target=lambda: loop.call_soon_threadsafe(fut2.set_result, "early"))
    t2.start()
    print(await asyncio.wait_for(fut2, timeout=30))
    print("woke before the timeout:", time.monotonic() - start < 10)
    t2.join()

asyncio.run(main())
