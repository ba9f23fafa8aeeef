import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        print("inside:", sem.locked(), repr(sem).split(" at ")[0], repr(sem).split("[")[1])
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    lock = asyncio.Lock()
    print(repr(lock).endswith("[unlocked]>"))
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    barrier = asyncio.Barrier(3)
    print(repr(barrier).split(" at ")[0], repr(barrier).split("[")[1])

    async def party(i):
        try:
            return await barrier.wait()
        except asyncio.BrokenBarrierError:
            return f"broken {i}"

    ts = [asyncio.create_task(party(i)) for i in range(2)]
    await asyncio.sleep(0.01)
    print("waiting:", barrier.n_waiting, barrier.parties, barrier.broken)
    await barrier.abort()
    print(sorted(await asyncio.gather(*ts)), barrier.broken)
    ev = asyncio.Event()
    print(repr(ev).split("[")[1])
    cond = asyncio.Condition()
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    items = []

    async def consumer():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()

    c = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    async with cond:
        items.append("parcel")
        cond.notify_all()
    print(await c)

asyncio.run(main())
