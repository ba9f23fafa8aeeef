tests = [
    lambda: [].append(),
    lambda: [].append(1, 2),
    lambda: {}.get(),
    lambda: "a".upper(1),
    lambda: "a".replace("a"),
    lambda: (1).bit_length(2),
    lambda: [].insert(1),
    lambda: {}.pop(),
    lambda: set().add(),
    lambda: "x".join(),
    lambda: max(),
    lambda: sorted(),
    lambda: range(),
    lambda: print(end=1),
    lambda: isinstance(1),
    lambda: getattr(1),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
