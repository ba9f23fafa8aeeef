import asyncio

async def double(x):
    await asyncio.sleep(0)
    return x * 2

async def chain():
    a = await double(1)
    b = await double(a)
    return a, b

async def main():
    print(await double(21))
    print(await chain())
    coro = double(5)
    print(type(coro).__name__)
    print(await coro)
    try:
        await coro
    except RuntimeError as e:
        print("RuntimeError:", e)

print(asyncio.iscoroutinefunction(double), asyncio.iscoroutinefunction(print))
asyncio.run(main())
