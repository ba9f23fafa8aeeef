# A cancellation thrown into a long coroutine (its await past the 256th instruction, where the
# await's loop needs an EXTENDED_ARG) lands in the coroutine's own try/except; likewise
# generator.throw() into a long generator suspended in `yield from`.
import asyncio


async def worker(name, log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append(f"{name} cleaning up")
        raise


async def main():
    log = []
    results = {}
    for step in ("download", "parse", "store"):
        results[step] = await asyncio.sleep(0, result=f"{step} done")
    for key, value in sorted(results.items()):
        log.append(f"{key:>10}: {value!r:>16}")
    totals = [len(k) * 2 + len(v) for k, v in results.items()]
    log.append(f"totals {totals} sum={sum(totals)} max={max(totals)} min={min(totals)}")
    pairs = {k: v.upper() for k, v in results.items() if k.startswith(("d", "s"))}
    log.append(f"pairs {pairs}")
    for key in sorted(results, key=len, reverse=True):
        log.append(f"{key!r:<12}|{len(key):^5}|{results[key][:4]:>6}|{key.title():*<10}")
    words = " ".join(results.values()).split()
    log.append(f"words {len(words)} unique {len(set(words))} first {words[0]!r} last {words[-1]!r}")
    log.append(f"{sum(len(w) for w in words) / len(words):.3f} {max(words, key=len)} {min(words)}")
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        log.append("timed out")
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.01)
    except TimeoutError:
        log.append("wait_for timed out")
    task = asyncio.create_task(worker("w1", log), name="w1")
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log.append(f"main saw {task.get_name()} cancelled: {task.cancelled()}")
    print("\n".join(log))


def inner():
    yield 1
    yield 2


def outer():
    seen = []
    for i in range(3):
        seen.append(i * i + len(seen) - 1 if i % 2 else i + 1)
    label = f"{seen} {sum(seen)} {max(seen, default=0)} {sorted(seen, reverse=True)}"
    table = {n: str(n) * n for n in seen if n > 0}
    label += f" {table} {len(table)} {list(table)[:2]} {', '.join(map(str, seen))}"
    label += f" {[x for x in seen if x % 2]} {any(seen)} {all(seen)} {tuple(seen)}"
    label += f" {dict.fromkeys(seen, 0)} {set(seen) == {1, 2}} {str(seen).count(',')}"
    label += f" {[(i, x) for i, x in enumerate(seen) if i != x]} {seen[::-1]} {seen * 2}"
    label += f" {'-'.join(str(x).zfill(3) for x in seen)} {min(seen) < max(seen) < 10}"
    label += f" {sum(x * y for x, y in zip(seen, seen[1:]))} {[*seen, *reversed(seen)]}"
    try:
        yield from inner()
    except KeyError as e:
        yield f"outer caught {e!r} after {label}"


asyncio.run(main())
g = outer()
print(next(g))
print(g.throw(KeyError("boom")))
