# conformance: unordered
# Tasks in a thread pool report their own lines; the order of those lines varies. One
# sys.stdout.write per line keeps lines whole (print() writes text and newline separately).
import sys
from concurrent.futures import ThreadPoolExecutor

def greet(name):
    sys.stdout.write(f"hello from {name}\n")
    return len(name)

with ThreadPoolExecutor(max_workers=3) as pool:
    lengths = list(pool.map(greet, ["ann", "bob", "cecilia", "dan"]))
print("lengths:", lengths)
