def gen():
    yield 1
async def coro():
    await x
    return [y async for y in z]
async def agen():
    yield 1
def sync_with_async_comp():
    return (y async for y in z)
lam = lambda: (yield)
