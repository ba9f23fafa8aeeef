# threading.Barrier takes any number of parties in CPython 3.11 (no check: a Barrier(0) is made,
# its repr says 0/0), while asyncio.Barrier refuses fewer than one.
import asyncio
import threading

for parties in (0, 1, 3):
    b = threading.Barrier(parties)
    print(parties, b.parties, b.n_waiting, b.broken, repr(b).split(": ")[1])
print(threading.Barrier(1).wait())
try:
    asyncio.Barrier(0)
except ValueError as e:
    print("ValueError:", e)
