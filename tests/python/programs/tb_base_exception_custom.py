class Stop(BaseException):
    pass

def loop():
    for i in range(10):
        if i == 3:
            raise Stop(f"stopped at {i}")
        try:
            pass
        except Exception:
            print("never: Stop is not an Exception")

try:
    loop()
except Exception:
    print("not caught here")
finally:
    print("finally before the traceback")
