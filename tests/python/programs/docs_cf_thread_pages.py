# Like the concurrent.futures page's ThreadPoolExecutor example, with the network replaced by
# a dictionary of pages (the playground has no network).
import concurrent.futures
import time

PAGES = {"a.example": 1200, "b.example": 800, "c.example": 0, "d.example": 4500}

def load_page(name, timeout):
    time.sleep(0.01)
    size = PAGES[name]
    if size == 0:
        raise ConnectionError(f"{name} did not answer")
    return b"x" * size

with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
    future_to_page = {executor.submit(load_page, name, 60): name for name in PAGES}
    lines = []
    for future in concurrent.futures.as_completed(future_to_page):
        name = future_to_page[future]
        try:
            data = future.result()
        except Exception as exc:
            lines.append(f"{name!r} generated an exception: {exc}")
        else:
            lines.append(f"{name!r} page is {len(data)} bytes")
print("\n".join(sorted(lines)))
