import asyncio

async def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    return f"{name} finished"

async def main():
    a = asyncio.create_task(worker("A", 3))
    b = asyncio.create_task(worker("B", 2), name="task-b")
    print("tasks created, not yet running")
    await asyncio.sleep(0)
    print("after one yield")
    print(await a)
    print(await b, b.done(), b.get_name(), a.get_name().startswith("Task-"))
    print(b.result(), b.cancelled(), b.exception())

asyncio.run(main())
