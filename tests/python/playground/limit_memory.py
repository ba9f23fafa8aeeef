# conformance: exit=1
# Memory without end (bounded at 2 GiB here so a broken limit cannot take the whole machine):
# CPython would take it all; the playground raises MemoryError when the run's heap passes its
# limit (512 MiB natively, 256 MiB on the web) and adds a notice saying so.
chunks = []
print("allocating", flush=True)
for _ in range(2048):
    chunks.append("x" * 1_048_576)
print("never: 2 GiB allocated")
