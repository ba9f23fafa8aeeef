import asyncio
async def main():
    print("in runner")
    return 1
with asyncio.Runner() as r:
    print(r.run(main()))
    print(r.run(main()))
    print(type(r.get_loop()).__name__)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(main()))
print(asyncio.get_event_loop() is loop)
loop.close()
async def sub():
    raise asyncio.CancelledError()
try:
    asyncio.run(sub())
except asyncio.CancelledError:
    print("cancelled error propagated")
async def child():
    await asyncio.sleep(1)
async def cancels_child():
    t = asyncio.create_task(child())
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    print(t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("child cancelled", t.cancelled(), asyncio.current_task().cancelling())
asyncio.run(cancels_child())
