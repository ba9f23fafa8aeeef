import asyncio

async def compute(name, n, delay):
    await asyncio.sleep(delay)
    return f"{name}={n * n}"

async def main():
    results = await asyncio.gather(compute("a", 2, 0.03), compute("b", 3, 0.01), compute("c", 4, 0.02))
    print(results)
    print(await asyncio.gather())
    coros = [compute(str(i), i, 0) for i in range(5)]
    print(await asyncio.gather(*coros))
    t = asyncio.create_task(compute("task", 7, 0))
    print(await asyncio.gather(t, compute("coro", 8, 0)))

asyncio.run(main())
