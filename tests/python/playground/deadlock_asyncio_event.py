# conformance: exit=3
# The only task waits for an Event nobody will set, and no timer is pending: the event loop is
# idle forever. CPython hangs; the playground reports the idle loop (exit status 3).
import asyncio

async def main():
    ready = asyncio.Event()
    print("waiting for an event nobody sets", flush=True)
    await ready.wait()
    print("never printed")

asyncio.run(main())
