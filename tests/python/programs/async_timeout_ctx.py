# conformance: simulated
import asyncio

async def main():
    try:
        async with asyncio.timeout(0.05) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out; expired:", cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
    print("finished in time; expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        print("no deadline:", cm.when())
        cm.reschedule(asyncio.get_running_loop().time() + 0.02)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("inside, the deadline arrives as CancelledError")
            raise

try:
    asyncio.run(main())
except TimeoutError:
    print("rescheduled timeout fired: TimeoutError")
