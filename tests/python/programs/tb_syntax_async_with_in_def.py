# A learner forgot the `async` of `async def`: `async with` in a plain function is a SyntaxError
# whose carets run to the end of the statement's first line (the statement spans lines).
import asyncio

lock = asyncio.Lock()


def update(shared):
    async with lock:
        shared["count"] += 1


async def main():
    shared = {"count": 0}
    await asyncio.gather(*(update(shared) for _ in range(3)))
    print(shared)


asyncio.run(main())
