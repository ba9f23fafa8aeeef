# conformance: unordered
# Tasks started together print when they finish; the three share one deadline, so their
# order is not something to rely on.
import asyncio

async def job(name):
    await asyncio.sleep(0.02)
    print(f"{name} finished")

async def main():
    await asyncio.gather(*(job(n) for n in ("alpha", "beta", "gamma")))
    print("gather returned")

asyncio.run(main())
