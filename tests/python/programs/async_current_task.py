import asyncio

async def who():
    return asyncio.current_task().get_name()

async def main():
    print(asyncio.current_task().get_name())
    print(await asyncio.create_task(who(), name="helper"))
    print(await who())
    t = asyncio.create_task(asyncio.sleep(0.01))
    print(len(asyncio.all_tasks()))
    await t
    print(len(asyncio.all_tasks()))

asyncio.run(main())
