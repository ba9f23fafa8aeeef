import asyncio
import concurrent.futures

def cpu_work(n):
    return sum(i * i for i in range(n))

async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, cpu_work, 1000))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, cpu_work, n) for n in (10, 100)))
        print(results)
    fut = loop.run_in_executor(None, cpu_work, 5)
    print(type(fut).__name__, await fut)

asyncio.run(main())
