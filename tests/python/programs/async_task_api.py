import asyncio

async def compute(x):
    await asyncio.sleep(0.01)
    return x * x

async def main():
    t = asyncio.create_task(compute(7), name="square-7")
    print(t.get_name(), t.done(), t.cancelled())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    seen = []
    t.add_done_callback(lambda fut: seen.append(("callback", fut.result())))
    print(await t, t.done(), t.exception(), seen)
    t.set_name("renamed")
    print(t.get_name(), "Task-" in asyncio.current_task().get_name())
    other = asyncio.create_task(compute(2))
    print(other.get_name().startswith("Task-"), asyncio.current_task() is not other)
    print(len(asyncio.all_tasks()), await other)
    try:
        t.set_result(3)
    except RuntimeError as e:
        print("RuntimeError:", e)
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print("future done with", f.result()))
    asyncio.get_running_loop().call_later(0.01, fut.set_result, "hello")
    print(await fut)
    await asyncio.sleep(0)
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
