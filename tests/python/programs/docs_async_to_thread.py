# Like the asyncio tasks page: a blocking function in a thread while the loop keeps going.
import asyncio
import time

log = []

def blocking_io():
    log.append("start blocking_io")
    time.sleep(0.1)
    log.append("blocking_io complete")

async def main():
    log.append("started main")
    await asyncio.gather(asyncio.to_thread(blocking_io), asyncio.sleep(0.01))
    log.append("finished main")
    print("\n".join(log))

asyncio.run(main())
