# conformance: simulated
import asyncio

async def important(log):
    await asyncio.sleep(0.05)
    log.append("important work finished")
    return "saved"

async def main():
    log = []
    inner = asyncio.create_task(important(log))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.01)
    except asyncio.TimeoutError:
        print("the waiter timed out; inner cancelled?", inner.cancelled())
    print(await inner, log)
    outer = asyncio.ensure_future(asyncio.shield(asyncio.sleep(0.01, "x")))
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("the shield itself was cancelled")

asyncio.run(main())
