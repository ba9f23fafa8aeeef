import asyncio
import threading
import time

def blocking(n):
    time.sleep(0.05)
    return n * 2, threading.current_thread() is not threading.main_thread()

async def ticker(log):
    for i in range(3):
        log.append(f"tick {i}")
        await asyncio.sleep(0.01)

async def main():
    log = []
    start = time.monotonic()
    result, _ = await asyncio.gather(asyncio.to_thread(blocking, 21), ticker(log))
    print(result, log)
    print("the loop kept running while the thread slept:", len(log) == 3)
    print(await asyncio.to_thread(sorted, [3, 1, 2]))
    print("overlapped, not sequential:", time.monotonic() - start < 5)

asyncio.run(main())
