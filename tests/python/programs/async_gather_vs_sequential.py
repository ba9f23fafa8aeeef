# conformance: simulated
import asyncio
import time

async def io_job(i):
    await asyncio.sleep(0.05)
    return i

async def main():
    start = time.monotonic()
    seq = [await io_job(i) for i in range(4)]
    sequential = time.monotonic() - start
    start = time.monotonic()
    par = await asyncio.gather(*(io_job(i) for i in range(4)))
    concurrent = time.monotonic() - start
    print(seq, par)
    print("sequential waits add up (>= 0.2 s):", sequential >= 0.2)
    print("gathered waits overlap (less than the sequential time):", concurrent < sequential)

asyncio.run(main())
