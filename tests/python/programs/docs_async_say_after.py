# conformance: simulated
# Like the asyncio coroutines page: say_after awaited in turn, then as two concurrent tasks.
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    start = time.monotonic()
    await say_after(0.1, "hello")
    await say_after(0.2, "world")
    sequential = time.monotonic() - start
    task1 = asyncio.create_task(say_after(0.1, "hello"))
    task2 = asyncio.create_task(say_after(0.2, "world"))
    start = time.monotonic()
    await task1
    await task2
    concurrent = time.monotonic() - start
    print("sequential took at least 0.3 s:", sequential >= 0.3)
    print("concurrent took at least 0.2 s:", concurrent >= 0.2, "| less than sequential:", concurrent < sequential)

asyncio.run(main())
