import asyncio

async def fetch(url):
    await asyncio.sleep(0)
    raise ConnectionError(f"cannot reach {url}")

async def main():
    data = await fetch("example.invalid")
    print(data)

asyncio.run(main())
