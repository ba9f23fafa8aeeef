def f(data):
    if any((m := x) > 2 for x in data):
        return m
    return [last := y for y in data], last
result = [(k := v) for v in range(3)]
