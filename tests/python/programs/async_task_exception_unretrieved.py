import asyncio

async def boom():
    raise ValueError("nobody looks at me")

async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("task done:", t.done(), "| exception:", repr(t.exception()))

asyncio.run(main())
