# conformance: simulated
import asyncio

async def part(n, log):
    try:
        await asyncio.sleep(n)
        log.append(f"part {n} done")
    except asyncio.CancelledError:
        log.append(f"part {n} cancelled")
        raise

async def main():
    log = []
    g = asyncio.gather(part(0.01, log), part(5, log))
    await asyncio.sleep(0.05)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    print(log)

asyncio.run(main())
