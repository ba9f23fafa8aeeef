import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (0, "z")]:
        await pq.put(item)
    print([pq.get_nowait() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue()
    for i in range(4):
        lq.put_nowait(i)
    print([await lq.get() for _ in range(4)])
    q = asyncio.Queue(maxsize=2)
    q.put_nowait(1)
    q.put_nowait(2)
    print(q.full(), q.qsize(), q.maxsize, q.empty())
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")
    q.get_nowait(); q.get_nowait()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    try:
        q.task_done(); q.task_done(); q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait_for(q.get(), timeout=0.02)
    except TimeoutError:
        print("get timed out; getters left:", len(q._getters))
    print(str(q))

asyncio.run(main())
