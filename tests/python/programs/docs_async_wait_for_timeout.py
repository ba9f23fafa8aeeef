# Like the asyncio tasks page: wait_for gives up on an eternity; timeout() does the same as a block.
import asyncio

async def eternity():
    await asyncio.sleep(3600)
    print("yay!")

async def main():
    try:
        await asyncio.wait_for(eternity(), timeout=0.05)
    except TimeoutError:
        print("timeout!")
    try:
        async with asyncio.timeout(0.05):
            await eternity()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")
    print("This statement will run regardless.")

asyncio.run(main())
