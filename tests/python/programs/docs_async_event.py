# Like the asyncio sync page: a waiter blocks on an Event until another task sets it.
import asyncio

async def waiter(event):
    print("waiting for it ...")
    await event.wait()
    print("... got it!")

async def main():
    event = asyncio.Event()
    waiter_task = asyncio.create_task(waiter(event))
    await asyncio.sleep(0.05)
    event.set()
    await waiter_task

asyncio.run(main())
