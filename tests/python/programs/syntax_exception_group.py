eg = ExceptionGroup("batch", [ValueError("a"), TypeError("b"),
                              ExceptionGroup("inner", [ValueError("c")])])
print(eg)
print(repr(eg.exceptions[0]), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(match)
print(rest)
print(eg.subgroup(lambda e: isinstance(e, TypeError)))
print(eg.subgroup(KeyError))
print(isinstance(eg, Exception), type(eg).__mro__[1].__name__)
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__)
only_exc = BaseExceptionGroup("auto", [ValueError()])
print(type(only_exc).__name__)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [1])
except ValueError as e:
    print("ValueError:", e)
