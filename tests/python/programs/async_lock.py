import asyncio

balance = 0

async def deposit(lock, n):
    global balance
    for _ in range(n):
        async with lock:
            current = balance
            await asyncio.sleep(0)
            balance = current + 1

async def deposit_unlocked(n):
    global balance
    for _ in range(n):
        current = balance
        await asyncio.sleep(0)
        balance = current + 1

async def main():
    global balance
    await asyncio.gather(*(deposit_unlocked(10) for _ in range(3)))
    print("without a lock:", balance)
    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit(lock, 10) for _ in range(3)))
    print("with a lock:", balance, lock.locked())
    await lock.acquire()
    print(lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
