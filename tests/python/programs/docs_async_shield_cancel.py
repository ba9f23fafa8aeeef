# conformance: simulated
# Like the asyncio tasks page: shield() keeps the inner task alive when the outer waiter is cancelled.
import asyncio

async def something():
    await asyncio.sleep(0.05)
    return "something finished"

async def main():
    inner = asyncio.create_task(something())

    async def waiter():
        return await asyncio.shield(inner)

    outer = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("the outer await was cancelled")
    print(await inner)

asyncio.run(main())
