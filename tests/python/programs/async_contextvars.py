# asyncio tasks run in a copy of the context they were created in: a task's set() stays in
# the task; callbacks, to_thread and TaskGroup children see the values of their creator.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="-")
log = []


async def handler(name, delay):
    request.set(name)
    await asyncio.sleep(delay)
    log.append(f"{name} sees {request.get()}")
    return await helper()


async def helper():
    await asyncio.sleep(0)
    return request.get()


def blocking():
    return f"thread sees {request.get()}"


async def main():
    request.set("main")
    results = await asyncio.gather(handler("a", 0.02), handler("b", 0.01), handler("c", 0))
    print(results, "main still sees", request.get())
    print(await asyncio.to_thread(blocking))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(lambda: fut.set_result(request.get()))
    print("callback sees", await fut)
    ctx = contextvars.copy_context()
    ctx.run(request.set, "custom")
    t = asyncio.create_task(helper(), context=ctx)
    print("task with context=", await t, request.get())
    async with asyncio.TaskGroup() as tg:
        request.set("group")
        t1 = tg.create_task(handler("g1", 0.01))
        t2 = tg.create_task(helper())
    print(t1.result(), t2.result(), request.get())
    done = []
    f2 = loop.create_future()
    request.set("at add_done_callback")
    f2.add_done_callback(lambda f: done.append(request.get()))
    request.set("later")
    f2.set_result(None)
    await asyncio.sleep(0)
    print("done callback sees", done)


asyncio.run(main())
print("\n".join(sorted(log)))
print("after run:", request.get())
