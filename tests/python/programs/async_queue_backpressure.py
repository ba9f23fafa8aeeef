import asyncio

async def producer(q, log):
    for i in range(5):
        await q.put(i)
        log.append(f"put {i} (size {q.qsize()})")

async def consumer(q, log):
    for _ in range(5):
        await asyncio.sleep(0)
        item = await q.get()
        log.append(f"got {item}")

async def main():
    q = asyncio.Queue(maxsize=2)
    log = []
    await asyncio.gather(producer(q, log), consumer(q, log))
    print("\n".join(log))

asyncio.run(main())
