# conformance: simulated
import asyncio

async def worker(n):
    await asyncio.sleep(0.01 * n)
    if n % 2:
        raise ValueError(f"odd {n}")
    if n == 4:
        raise KeyError(n)
    return n

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for n in range(1, 6):
                tg.create_task(worker(n))
    except* ValueError as eg:
        print("ValueErrors:", sorted(str(e) for e in eg.exceptions))
    except* KeyError as eg:
        print("KeyErrors:", [e.args for e in eg.exceptions])
    results = []
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(worker(n)) for n in (0, 2)]
    print("all fine:", [t.result() for t in ts])

asyncio.run(main())
