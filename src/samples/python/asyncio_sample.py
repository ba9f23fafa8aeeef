import asyncio

TIME_SCALE = 1  # multiplies each sleep: 1 = the article's 1 s steps, 0.1 = ten times faster


async def print_numbers():
    for i in range(5):
        print(f"Async Task 1: {i}")
        await asyncio.sleep(1 * TIME_SCALE)


async def print_letters():
    for letter in 'ABCDE':
        print(f"Async Task 2: {letter}")
        await asyncio.sleep(1 * TIME_SCALE)


async def main():
    await asyncio.gather(print_numbers(), print_letters())


asyncio.run(main())
