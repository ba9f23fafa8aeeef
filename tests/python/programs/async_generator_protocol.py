import asyncio

async def counter(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def catcher():
    try:
        yield 1
    except ValueError as e:
        yield f"caught {e}"

async def main():
    g = counter(2)
    print(await g.__anext__(), await g.__anext__())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    aw = counter(1).__anext__()
    print(await aw)
    try:
        await aw
    except RuntimeError as e:
        print("RuntimeError:", e)
    c = catcher()
    print(await c.asend(None))
    print(await c.athrow(ValueError("boom")))
    await c.aclose()
    total = 0
    async for i in counter(5):
        total += i
    print("total", total, type(counter(1)).__name__)
    fresh = counter(3)
    await fresh.aclose()
    try:
        await fresh.__anext__()
    except StopAsyncIteration:
        print("closed before start: StopAsyncIteration")
    it = aiter(counter(2))
    print(await anext(it), await anext(it, "dflt"), await anext(it, "dflt"))
    for bad in (aiter, anext):
        try:
            bad(1)
        except TypeError as e:
            print("TypeError:", e)

asyncio.run(main())
