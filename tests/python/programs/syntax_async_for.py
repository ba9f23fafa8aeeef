import asyncio

class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.i += 1
        return self.i

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i

async def main():
    async for t in Ticker(3):
        print("tick", t)
    print([x async for x in agen(5)])
    print([x async for x in agen(6) if x % 2 == 0])
    g = agen(2)
    print(type(g).__name__)
    print(await g.__anext__(), await anext(g), await anext(g, "end"))

asyncio.run(main())
