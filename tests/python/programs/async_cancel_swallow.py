import asyncio

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("caught the cancellation and carried on")
    return "finished anyway"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())
    t3 = asyncio.create_task(asyncio.sleep(0.01, result="done"))
    print(await t3, t3.cancelled())

asyncio.run(main())
