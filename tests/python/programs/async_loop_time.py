import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(0.05)
    elapsed = loop.time() - start
    print("slept at least 0.05 s:", elapsed >= 0.05, "| under 2 s:", elapsed < 2)
    print(type(start).__name__, loop.is_running(), asyncio.get_running_loop() is loop)
    done = loop.create_future()
    loop.call_later(0.01, done.set_result, "called later")
    print(await done)
    order = []
    loop.call_soon(order.append, "soon 1")
    loop.call_soon(order.append, "soon 2")
    await asyncio.sleep(0)
    print(order)

asyncio.run(main())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
