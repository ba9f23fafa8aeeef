# conformance: simulated
import asyncio

async def say(delay, text):
    await asyncio.sleep(delay)
    print(text)
    return text

async def main():
    print("sequential:")
    await say(0.02, "one")
    await say(0.01, "two")
    print("concurrent:")
    t1 = asyncio.create_task(say(0.06, "slow"))
    t2 = asyncio.create_task(say(0.02, "fast"))
    print(await t1, await t2)

print(asyncio.run(main()))
