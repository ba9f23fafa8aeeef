tests = [
    lambda: int("x"),
    lambda: int("12.5"),
    lambda: int("0x1F"),
    lambda: int(""),
    lambda: float("1,5"),
    lambda: "abc".index("z"),
    lambda: [1].index(2),
    lambda: list(range(3)).remove(5),
    lambda: "a,b".split(","," "),
    lambda: int("10", base=40),
    lambda: chr(-5),
    lambda: range(0, 10, 0),
    lambda: "{:d}".format(1.5),
    lambda: "{:q}".format(1),
    lambda: format(1, ".2d"),
    lambda: bytes([300]),
    lambda: "x".encode("no-such-codec"),
    lambda: (1).to_bytes(1, "middle"),
    lambda: max([]),
    lambda: [1, 2].pop(7),
]
for t in tests:
    try:
        t()
    except (ValueError, TypeError, IndexError, LookupError) as e:
        print(f"{type(e).__name__}: {e}")
