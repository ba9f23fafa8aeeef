# conformance: simulated
import asyncio

async def wait_then(n):
    await asyncio.sleep(n / 100)
    return n

async def main():
    order = []
    for fut in asyncio.as_completed([wait_then(n) for n in (5, 1, 3)]):
        order.append(await fut)
    print(order)
    got = []
    try:
        for fut in asyncio.as_completed([wait_then(1), wait_then(50)], timeout=0.05):
            got.append(await fut)
    except TimeoutError:
        print("timed out after", got)
    try:
        asyncio.as_completed(wait_then(1))
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
