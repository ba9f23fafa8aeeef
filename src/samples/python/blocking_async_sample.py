import asyncio
import time

BLOCKING = True  # True = the worker calls time.sleep; False = it awaits asyncio.sleep
TIME_SCALE = 1  # multiplies every wait: 0.1 = ten times faster

TICKS = 8
STEP = 0.1 * TIME_SCALE  # the ticker's period, in seconds
BLOCK = 0.5 * TIME_SCALE  # how long the worker's call takes, in seconds


async def ticker():
    loop = asyncio.get_running_loop()
    last = loop.time()
    for i in range(TICKS):
        await asyncio.sleep(STEP)
        now = loop.time()
        print(f"Ticker: tick {i} after {(now - last) * 1000:.0f} ms")
        last = now


async def worker():
    await asyncio.sleep(STEP * 2.5)
    print("Worker: start")
    if BLOCKING:
        time.sleep(BLOCK)  # a blocking call: the whole loop stalls, every task waits
    else:
        await asyncio.sleep(BLOCK)  # the loop runs the other tasks meanwhile
    print("Worker: done")


async def main():
    await asyncio.gather(ticker(), worker())


asyncio.run(main())
