data = {"list": [1, 2.5, "three", None, True], "tuple": (1,), "empty": ((), [], {}, set()),
        "nested": {"a": {"b": {"c": [[[]]]}}}, "bytes": b"\x00A", "float": -0.0}
print(data)
print(repr(data) == str(data))
print([["x"], ("y",), {"z"}, frozenset({1})])
print([1.0, 1e20, 1e-20, 0.1 + 0.2, float("inf"), float("nan")])
print({(1, 2): [3, {4: (5,)}]})
print(list(range(3)), [range(3)], (range(0, 5, 2), slice(1, None)))
print(str("s"), [str("s")], ["'", '"', "\\", "\n", "\t", "\x07", "\x7f"])
print([None, ..., NotImplemented])
print(repr(repr("q")), str(repr("q")))
