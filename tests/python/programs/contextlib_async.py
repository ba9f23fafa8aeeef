import asyncio
from contextlib import asynccontextmanager

@asynccontextmanager
async def session(name):
    await asyncio.sleep(0)
    print("open", name)
    try:
        yield {"name": name}
    finally:
        await asyncio.sleep(0)
        print("close", name)

async def main():
    async with session("db") as s:
        print("using", s)
    try:
        async with session("bad"):
            raise RuntimeError("failed inside")
    except RuntimeError as e:
        print("caught", e)

asyncio.run(main())
