import asyncio

async def notify(who):
    print("notifying", who)

async def main():
    notify("nobody")
    await notify("somebody")
    print("done")

asyncio.run(main())
