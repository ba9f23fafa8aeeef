def check(n):
    assert n >= 0, f"negative: {n}"
    assert n != 3
    return n

print(check(1))
for bad in (-2, 3):
    try:
        check(bad)
    except AssertionError as e:
        print("AssertionError:", repr(e), e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
assert (1, "tuples are truthy")
print("done")
