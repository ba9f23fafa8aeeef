import asyncio

async def good(log):
    try:
        await asyncio.sleep(1)
        log.append("good finished")
    except asyncio.CancelledError:
        log.append("good cancelled")
        raise

async def bad(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)

async def main():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(good(log))
            tg.create_task(bad("first", 0))
            tg.create_task(bad("second", 0))
    except* ValueError as eg:
        print("caught", type(eg).__name__, sorted(str(e) for e in eg.exceptions))
    print(log)

asyncio.run(main())
