# The learner's first asyncio mistake: calling main() instead of asyncio.run(main()). Nothing of
# main runs; CPython warns "coroutine 'main' was never awaited" when the coroutine is dropped.
import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    print("started")
    await say_after(0.01, "hello")
    await say_after(0.01, "world")


main()
print("main() is a coroutine function:", asyncio.iscoroutinefunction(main))
print("nothing printed 'started'")
