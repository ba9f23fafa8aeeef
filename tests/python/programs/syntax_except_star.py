def fail_many():
    raise ExceptionGroup("several", [
        ValueError("v1"),
        TypeError("t1"),
        ValueError("v2"),
        KeyError("k"),
    ])

try:
    fail_many()
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions])
except* (TypeError, KeyError) as eg:
    print("others:", [repr(e) for e in eg.exceptions])

try:
    try:
        fail_many()
    except* TypeError:
        print("handled the TypeError only")
except ExceptionGroup as rest:
    print("left over:", rest.message, len(rest.exceptions))
    print([type(e).__name__ for e in rest.exceptions])

try:
    raise OSError("single")
except* OSError as eg:
    print("naked exception wrapped:", type(eg).__name__, eg.exceptions)
