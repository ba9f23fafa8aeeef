def total(*numbers):
    print(type(numbers).__name__, numbers)
    return sum(numbers)

print(total())
print(total(1, 2, 3))
values = [4, 5, 6]
print(total(*values))
print(total(*values, 10, *range(3)))

def describe(**options):
    for key, value in options.items():
        print(f"  {key} = {value!r}")
    return len(options)

print(describe(color="red", size=3))
settings = {"debug": True, "level": 2}
print(describe(**settings, extra=None))

def both(first, *rest, **named):
    return first, rest, named

print(both(1))
print(both(1, 2, 3, a=4))
print(both(*"xyz", **{"k": "v"}))
