# Like the asyncio sync page: three parties meet at a Barrier; its repr shows the state.
import asyncio

def clean(r):
    i = r.find(" at 0x")
    return r if i < 0 else r[:i] + r[r.find(" ", i + 4):]

async def example_barrier():
    b = asyncio.Barrier(3)
    asyncio.create_task(b.wait())
    asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print(clean(repr(b)))
    await b.wait()
    print(clean(repr(b)))
    print("barrier passed")
    await asyncio.sleep(0)
    print(clean(repr(b)))

asyncio.run(example_barrier())
