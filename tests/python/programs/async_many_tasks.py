# Many tasks and a long queue: thousands of steps, enough allocation for several collections.
import asyncio
async def w(i):
    for _ in range(10):
        await asyncio.sleep(0)
    return i
async def main():
    r = await asyncio.gather(*[w(i) for i in range(2000)])
    print(sum(r))
    q = asyncio.Queue()
    async def prod():
        for i in range(10000):
            await q.put(i)
        await q.put(None)
    async def cons():
        s = 0
        while (x := await q.get()) is not None:
            s += x
        return s
    print((await asyncio.gather(prod(), cons()))[1])
asyncio.run(main())
