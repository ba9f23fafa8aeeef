ops = [
    lambda: 1 + "1",
    lambda: "1" + 1,
    lambda: [1] + (1,),
    lambda: None + 1,
    lambda: 1 - "x",
    lambda: "ab" * 2.0,
    lambda: {} * 2,
    lambda: [1] - [1],
    lambda: 3 / "x",
    lambda: 3 < "x",
    lambda: [] > {},
    lambda: None < None,
    lambda: -"x",
    lambda: ~1.5,
    lambda: {1} + {2},
    lambda: 2 ** "x",
    lambda: 1 @ 2,
    lambda: "x" % (),
    lambda: b"a" + "b",
]
for op in ops:
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
x = 5
try:
    x += "a"
except TypeError as e:
    print("TypeError:", e)
