import asyncio

async def worker(name, q, done):
    while True:
        n = await q.get()
        await asyncio.sleep(0.001 * n)
        done.append((name, n))
        q.task_done()

async def main():
    q = asyncio.Queue()
    for n in range(10):
        q.put_nowait(n)
    done = []
    workers = [asyncio.create_task(worker(f"w{i}", q, done)) for i in range(3)]
    await q.join()
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print(sorted(n for _, n in done))
    print([type(r).__name__ for r in results])
    pq = asyncio.PriorityQueue()
    lq = asyncio.LifoQueue()
    for x in (3, 1, 2):
        pq.put_nowait(x)
        lq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)], [lq.get_nowait() for _ in range(3)])

asyncio.run(main())
