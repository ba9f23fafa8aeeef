import asyncio

async def long_job(log):
    try:
        log.append("started")
        await asyncio.sleep(10)
        log.append("finished")
    except asyncio.CancelledError:
        log.append("cancelled, cleaning up")
        raise
    finally:
        log.append("finally")

async def main():
    log = []
    task = asyncio.create_task(long_job(log))
    await asyncio.sleep(0.01)
    print("cancel() returns", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting a cancelled task raises CancelledError")
    print(log, task.cancelled(), task.done())
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
    print("cancel a finished task:", task.cancel())
    t2 = asyncio.create_task(asyncio.sleep(1))
    t2.cancel("with a message")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("message:", e.args)

asyncio.run(main())
