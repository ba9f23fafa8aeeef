# conformance: simulated
import asyncio

async def ok(n):
    await asyncio.sleep(0.01 * n)
    return n

async def bad(n):
    await asyncio.sleep(0.01 * n)
    raise RuntimeError(f"bad {n}")

async def main():
    print(await asyncio.gather())
    r = await asyncio.gather(ok(1), bad(2), ok(3), return_exceptions=True)
    print(r)
    fut = asyncio.get_running_loop().create_future()
    fut.set_result("ready")
    print(await asyncio.gather(fut, ok(0)))
    c = ok(1)
    print(await asyncio.gather(c, c))
    slow = asyncio.create_task(ok(50))
    g = asyncio.gather(slow, ok(1))
    await asyncio.sleep(0.02)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled; child cancelled:", slow.cancelled())
    r = await asyncio.gather(asyncio.sleep(0.01), bad(0), return_exceptions=True)
    print(r)
    try:
        await asyncio.gather(bad(1), ok(2))
    except RuntimeError as e:
        print("first error:", e)
    await asyncio.sleep(0.05)

asyncio.run(main())
