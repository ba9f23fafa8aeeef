def cleanup():
    raise RuntimeError("cleanup failed too")

def work():
    try:
        [1, 2, 3][10]
    except IndexError:
        try:
            cleanup()
        finally:
            print("inner finally runs")

work()
