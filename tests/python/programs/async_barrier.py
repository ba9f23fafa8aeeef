import asyncio

def without_address(text):
    start = text.find(" at 0x")
    return text if start < 0 else text[:start] + text[text.find(" ", start + 4):]

async def party(barrier, name, log):
    log.append(f"{name} arrives")
    pos = await barrier.wait()
    log.append(f"{name} passes")
    return pos

async def main():
    barrier = asyncio.Barrier(3)
    print(without_address(repr(barrier)))
    log = []
    tasks = [asyncio.create_task(party(barrier, n, log)) for n in "abc"]
    await asyncio.sleep(0)
    print(without_address(repr(barrier)))
    print(sorted(await asyncio.gather(*tasks)))
    print(log)
    print(without_address(repr(barrier)), barrier.parties, barrier.n_waiting, barrier.broken)
    await barrier.abort()
    print(without_address(repr(barrier)))
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError:
        print("BrokenBarrierError")

asyncio.run(main())
