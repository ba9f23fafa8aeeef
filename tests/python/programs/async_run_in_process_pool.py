import asyncio
import concurrent.futures

def count_primes(limit):
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n ** 0.5) + 1)))

async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, count_primes, n) for n in (100, 1000, 5000)))
    print(results)

if __name__ == "__main__":
    asyncio.run(main())
