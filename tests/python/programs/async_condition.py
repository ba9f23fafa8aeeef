import asyncio

async def consumer(cond, items, name, log):
    async with cond:
        await cond.wait_for(lambda: len(items) > 0)
        log.append((name, items.pop(0)))

async def main():
    cond = asyncio.Condition()
    items = []
    log = []
    tasks = [asyncio.create_task(consumer(cond, items, n, log)) for n in ("c1", "c2")]
    await asyncio.sleep(0)
    for item in ("x", "y"):
        async with cond:
            items.append(item)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    print(log)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
