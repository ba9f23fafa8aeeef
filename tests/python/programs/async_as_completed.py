# conformance: simulated
import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    coros = [fetch("slow", 0.09), fetch("fast", 0.01), fetch("medium", 0.05)]
    for next_done in asyncio.as_completed(coros):
        print(await next_done)
    try:
        for f in asyncio.as_completed([fetch("late", 1.0)], timeout=0.05):
            await f
    except asyncio.TimeoutError:
        print("as_completed timed out")

asyncio.run(main())
