# conformance: simulated
import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in (("slow", 0.2), ("quick", 0.01), ("mid", 0.05))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", sorted(t.get_name() for t in done), "pending:", len(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.02)
    print("after timeout:", sorted(t.result() for t in done), sorted(t.get_name() for t in pending))
    boom = [asyncio.create_task(job("ok", 0.01)), asyncio.create_task(job("bad", 0.02, fail=True)),
            asyncio.create_task(job("late", 0.3))]
    done, pending = await asyncio.wait(boom, return_when=asyncio.FIRST_EXCEPTION)
    print("done:", len(done), "pending:", [t.get_name() == boom[2].get_name() for t in pending])
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print("late cancelled:", boom[2].cancelled(), "| bad:", repr(boom[1].exception()))
    done, pending = await asyncio.wait(tasks)
    print("all:", sorted(t.result() for t in done), pending)
    for bad in ([], asyncio.get_running_loop().create_future()):
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        await asyncio.wait(tasks, return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError", e)

asyncio.run(main())
