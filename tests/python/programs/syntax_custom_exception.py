class AppError(Exception):
    """Base for this app."""

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"no such key: {key}")
        self.key = key

class Retry(AppError):
    def __init__(self, attempts, reason):
        self.attempts = attempts
        self.reason = reason

    def __str__(self):
        return f"gave up after {self.attempts} attempts: {self.reason}"

for exc in (NotFound("x"), Retry(3, "timeout"), AppError(), AppError("a", 2)):
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", e, "|", repr(e), "|", e.args)

try:
    raise NotFound("y")
except LookupError:
    print("not a LookupError")
except AppError as e:
    print("AppError caught, key =", e.key)

print(issubclass(NotFound, Exception), issubclass(AppError, BaseException))
print(AppError.__doc__)
