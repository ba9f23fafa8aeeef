import asyncio

class Connection:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0)
        print("open", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("close", self.name, exc_type.__name__ if exc_type else "cleanly")
        return exc_type is KeyError

async def main():
    async with Connection("db") as conn:
        print("using", conn.name)
    async with Connection("a") as a, Connection("b") as b:
        print("using", a.name, b.name)
    async with Connection("swallow"):
        raise KeyError("ignored")
    try:
        async with Connection("fail"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)

asyncio.run(main())
