async def f():
    async with a as b:
        async for x in b:
            await x
    return [y async for y in z]
