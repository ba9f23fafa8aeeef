# asyncio.run_coroutine_threadsafe: another thread submits coroutines to a running loop and
# waits on the concurrent.futures.Future it gets back.
import asyncio
import threading


async def double(x):
    await asyncio.sleep(0)
    return x * 2


async def broken():
    raise ValueError("inside the loop")


def client(loop, out):
    out.append(asyncio.run_coroutine_threadsafe(double(21), loop).result(timeout=30))
    try:
        asyncio.run_coroutine_threadsafe(broken(), loop).result(timeout=30)
    except ValueError as e:
        out.append(f"ValueError: {e}")
    try:
        asyncio.run_coroutine_threadsafe(42, loop)
    except TypeError as e:
        out.append(f"TypeError: {e}")


async def main():
    loop = asyncio.get_running_loop()
    out = []
    await asyncio.to_thread(client, loop, out)
    print(out)

asyncio.run(main())
