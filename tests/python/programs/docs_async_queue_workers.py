# Like the asyncio queues page: workers take sleep times from a queue; join, then cancel them.
import asyncio
import random

async def worker(name, queue, slept):
    while True:
        sleep_for = await queue.get()
        await asyncio.sleep(sleep_for)
        slept[name] = slept.get(name, 0) + sleep_for
        queue.task_done()

async def main():
    random.seed(3)
    queue = asyncio.Queue()
    total = 0
    for _ in range(12):
        sleep_for = random.uniform(0.005, 0.02)
        total += sleep_for
        queue.put_nowait(sleep_for)
    slept = {}
    tasks = [asyncio.create_task(worker(f"worker-{i}", queue, slept)) for i in range(3)]
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("3 workers slept in parallel; total planned sleep:", round(total, 6))
    print("every sleep was done once:", round(sum(slept.values()), 6) == round(total, 6))

asyncio.run(main())
