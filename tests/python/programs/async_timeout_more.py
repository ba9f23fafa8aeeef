# conformance: simulated
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        print("no deadline:", cm.when())
        cm.reschedule(loop.time() + 0.02)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("cancelled inside, re-raised")
            raise
    print("unreachable")

async def outer():
    try:
        await main()
    except TimeoutError as e:
        print("TimeoutError", repr(e), type(e.__cause__).__name__)
    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0.01)
    print("expired:", cm.expired())
    try:
        async with asyncio.timeout_at(asyncio.get_running_loop().time() - 1):
            await asyncio.sleep(0.1)
    except TimeoutError:
        print("already past: TimeoutError")
    try:
        async with asyncio.timeout(0.01):
            async with asyncio.timeout(1):
                await asyncio.sleep(0.2)
    except TimeoutError:
        print("outer deadline fired first")
    print(await asyncio.wait_for(asyncio.sleep(0.01, "in time"), timeout=1))
    print(await asyncio.wait_for(asyncio.sleep(0, "no timeout"), timeout=None))

asyncio.run(outer())
