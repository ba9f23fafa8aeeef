import asyncio

async def numbers():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("  generator cleaned up")

async def main():
    async for n in numbers():
        if n == 3:
            break
        print("got", n)
    gen = numbers()
    print(await gen.asend(None))
    await gen.aclose()
    print("closed explicitly")
    async def echo():
        received = None
        while True:
            received = yield f"echo {received}"
    e = echo()
    print(await e.asend(None))
    print(await e.asend("hi"))
    await e.aclose()

asyncio.run(main())
