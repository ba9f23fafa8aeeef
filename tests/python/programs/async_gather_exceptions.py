import asyncio

async def ok(v):
    await asyncio.sleep(0.01)
    return v

async def bad(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)

async def main():
    print(await asyncio.gather(ok(1), bad("x"), ok(3), return_exceptions=True))
    try:
        await asyncio.gather(ok(1), bad("first failure"), bad("second"))
    except ValueError as e:
        print("gather raised:", e)
    results = await asyncio.gather(bad("a"), bad("b"), return_exceptions=True)
    print([type(r).__name__ + ":" + str(r) for r in results])

asyncio.run(main())
