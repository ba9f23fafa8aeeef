num, text, nothing, items, pair = 5, "text", None, [1, 2], (1, 2)
gen = (x for x in [])
tests = [
    lambda: num(),
    lambda: text(),
    lambda: nothing(),
    lambda: items("x"),
    lambda: num[0],
    lambda: nothing[0],
    lambda: len[0],
    lambda: {1, 2}.copy()[0],
    lambda: gen[0],
    lambda: object()[0],
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
try:
    d = {"a": 1}
    d[items] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    pair[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del text[0]
except TypeError as e:
    print("TypeError:", e)
key, fkey = "0", 1.0
try:
    items[key]
except TypeError as e:
    print("TypeError:", e)
try:
    text[fkey]
except TypeError as e:
    print("TypeError:", e)
try:
    for x in num:
        pass
except TypeError as e:
    print("TypeError:", e)
