# Results written and read as JSON, as programs that collect worker results do: dumps with
# indent/sort_keys/ensure_ascii/default, a JSONEncoder subclass, loads with hooks, the
# JSONDecodeError texts and positions; an uncaught one ends the program (json.decoder's name).
import json
from concurrent.futures import ThreadPoolExecutor


def work(n):
    return {"task": n, "square": n * n, "ok": n % 2 == 0, "ratio": n / 4, "note": None}


with ThreadPoolExecutor(max_workers=2) as ex:
    results = list(ex.map(work, range(3)))
report = {"results": results, "total": sum(r["square"] for r in results), "tags": ("a", "é")}
print(json.dumps(report))
print(json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False))
print(json.dumps({1: [], 2.5: {}, None: True}, separators=(",", ":")))


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({"ids": {3, 1, 2}}, cls=SetEncoder))
for bad in ({"when": object}, {(1, 2): "tuple key"}, [float("nan")]):
    try:
        json.dumps(bad, allow_nan=False)
    except (TypeError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
text = '{"name": "Ada", "scores": [9.5, 8, -1e2], "nested": {"u": "\\u00e9\\ud83d\\ude00"}}'
print(json.loads(text))
print(json.loads(text, parse_float=str, object_pairs_hook=list))
for doc in ('{"a": 1,}', '[1, 2', '{"a" 1}', '"abc', 'nul', '1 2', '\n\n  {"k"\n:'):
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(f"{e.msg!r} at line {e.lineno} col {e.colno}: {e}")
json.loads("{'single': 'quotes'}")
