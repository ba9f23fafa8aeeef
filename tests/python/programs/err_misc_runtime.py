import math
try:
    math.sqrt(-4)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    [1, 2, 3].sort(key=1)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([3, 1], cmp=lambda a, b: a - b)
except TypeError as e:
    print("TypeError:", e)
try:
    "x".join(5)
except TypeError as e:
    print("TypeError:", e)
try:
    {}.update(5)
except TypeError as e:
    print("TypeError:", e)
try:
    dict(a=1)["b"]
except KeyError as e:
    print("KeyError:", e)
try:
    a, b = {"one": 1}
except ValueError as e:
    print("ValueError:", e)
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    raise NotImplementedError("subclass must do it")
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    import sys
    sys.exit(5)
except SystemExit as e:
    print("SystemExit caught:", e.code)
