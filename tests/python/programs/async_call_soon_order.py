# conformance: simulated
import asyncio

def note(log, what):
    log.append(what)

async def main():
    loop = asyncio.get_running_loop()
    log = []
    loop.call_later(0.02, note, log, "later 0.02")
    loop.call_later(0.01, note, log, "later 0.01")
    h = loop.call_later(0.015, note, log, "cancelled")
    loop.call_soon(note, log, "soon 1")
    loop.call_soon(note, log, "soon 2")
    h.cancel()
    print(h.cancelled(), log)
    await asyncio.sleep(0)
    print(log)
    await asyncio.sleep(0.05)
    print(log)
    t0 = loop.time()
    await asyncio.sleep(0.1)
    print(loop.time() - t0 >= 0.09)
    print(loop.is_running(), loop.is_closed())

asyncio.run(main())
loop = asyncio.new_event_loop()
print(loop.run_until_complete(asyncio.sleep(0, "manual loop")))
loop.close()
print(loop.is_closed())
try:
    loop.call_soon(print, "never")
except RuntimeError as e:
    print("RuntimeError:", e)
