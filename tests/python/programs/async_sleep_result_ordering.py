import asyncio

async def main():
    print(await asyncio.sleep(0.01, result="slept"))
    order = []
    async def step(name, n):
        for i in range(n):
            order.append(f"{name}{i}")
            await asyncio.sleep(0)
    await asyncio.gather(step("a", 3), step("b", 2), step("c", 1))
    print(order)
    t = asyncio.ensure_future(asyncio.sleep(0, result=7))
    print(type(t).__name__, await t)

asyncio.run(main())
