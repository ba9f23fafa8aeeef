import asyncio

async def waiter(event, name, log):
    log.append(f"{name} waiting")
    await event.wait()
    log.append(f"{name} woke")

async def main():
    event = asyncio.Event()
    log = []
    tasks = [asyncio.create_task(waiter(event, n, log)) for n in ("a", "b")]
    await asyncio.sleep(0)
    print(log, event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    print(log, event.is_set())
    event.clear()
    try:
        await asyncio.wait_for(event.wait(), 0.02)
    except asyncio.TimeoutError:
        print("wait timed out after clear()")

asyncio.run(main())
