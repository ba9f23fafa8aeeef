import asyncio

async def value():
    return 42

print(asyncio.run(value()))
print(asyncio.run(value()))
try:
    asyncio.run(value)
except ValueError as e:
    print("ValueError:", str(e).split(" at 0x")[0])

async def nested():
    coro = value()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    finally:
        coro.close()

asyncio.run(nested())
