async def main():
    await asyncio.sleep(1)
    async for x in aiter():
        pass
    async with lock as l, other:
        pass
    return [x async for x in y]
