import asyncio

async def fetch(n):
    await asyncio.sleep(0.01 * n)
    return n * 10

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(n)) for n in range(1, 4)]
        print("inside the block: tasks started")
    print("after the block:", [t.result() for t in tasks])

asyncio.run(main())
