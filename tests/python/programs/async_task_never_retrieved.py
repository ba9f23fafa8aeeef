import asyncio

async def boom():
    raise ValueError("nobody looks at me")

async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("main finished without looking at the task")

asyncio.run(main())
