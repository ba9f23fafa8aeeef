def report(err):
    return "error: " + err

try:
    int("forty-two")
except ValueError as err:
    print(report(err))
