e = ValueError("message", 42)
print(e.args, str(e), repr(e))
print(str(ValueError()), repr(ValueError()), str(ValueError("")), str(ValueError(None)))
print(isinstance(e, Exception), isinstance(e, BaseException), ValueError.__mro__)
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
print(issubclass(FileNotFoundError, OSError), issubclass(TimeoutError, OSError), issubclass(NotImplementedError, RuntimeError))
try:
    raise ValueError
except ValueError as err:
    print("raised the class:", repr(err))
try:
    raise 42
except TypeError as err:
    print("TypeError:", err)
try:
    try:
        raise KeyError("a")
    except KeyError as err:
        err.add_note("note one")
        err.add_note("note two")
        raise
except KeyError as err:
    print(err.__notes__)
try:
    raise Exception("with traceback")
except Exception as err:
    print(type(err.__traceback__).__name__, err.__traceback__.tb_lineno)
err = RuntimeError("kept")
print(err.__traceback__, err.__cause__, err.__context__)
