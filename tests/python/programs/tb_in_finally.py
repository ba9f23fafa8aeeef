def work():
    try:
        return 1 / 0
    finally:
        print("finally runs before the traceback")

try:
    work()
except ZeroDivisionError as e:
    print("caught once:", e)
work()
