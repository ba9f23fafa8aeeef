x = 0
def f():
    global x
    x: int = 1
