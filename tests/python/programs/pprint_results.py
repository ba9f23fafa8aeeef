# Worker results printed with pprint: dict keys sorted, long structures broken over lines at
# width 80 (or width=, indent=, depth=, compact=), long strings split at spaces, pp() keeping
# insertion order, recursion shown as CPython does.
import pprint
from concurrent.futures import ThreadPoolExecutor


def work(i):
    return {"task": i, "square": i * i, "tags": ["alpha", "beta", "gamma"][: i % 3 + 1],
            "ok": i % 2 == 0}


with ThreadPoolExecutor(max_workers=2) as ex:
    results = list(ex.map(work, range(4)))
report = {"results": results, "summary": {"total": 14, "ids": (0, 1, 2, 3), "errors": {}},
          "note": "All tasks finished; the squares are listed above in task order. " * 2}
pprint.pprint(report)
pprint.pprint(report, width=50, indent=2, depth=2)
pprint.pprint(list(range(30)), compact=True, width=40)
pprint.pp({"zebra": 1, "apple": 2})
print(pprint.pformat(set(range(25)), width=30))
loop = [1, 2]
loop.append(loop)
print(pprint.pformat(loop).split(" with id=")[0], pprint.isrecursive(loop))
pprint.pprint([10**9, {"big": 10**12}], underscore_numbers=True, width=20)
