# conformance: simulated
import asyncio

async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow() was cancelled by the timeout")
        raise

async def quick():
    await asyncio.sleep(0.01)
    return "quick result"

async def main():
    print(await asyncio.wait_for(quick(), timeout=1))
    try:
        await asyncio.wait_for(slow(), timeout=0.05)
    except asyncio.TimeoutError as e:
        print("TimeoutError:", repr(e), isinstance(e, TimeoutError))
    print(await asyncio.wait_for(quick(), timeout=None))

asyncio.run(main())
