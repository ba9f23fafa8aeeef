# conformance: simulated
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    if name == "bad":
        raise RuntimeError("bad job")
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("a", 0.2), ("b", 0.01), ("c", 0.45)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.3)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))
    more = [asyncio.create_task(job("bad", 0.01)), asyncio.create_task(job("slow", 0.3))]
    done, pending = await asyncio.wait(more, return_when=asyncio.FIRST_EXCEPTION)
    print([type(t.exception()).__name__ for t in done], len(pending))
    for t in pending:
        t.cancel()

asyncio.run(main())
