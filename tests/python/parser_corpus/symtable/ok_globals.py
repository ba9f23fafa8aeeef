counter = 0
def inc():
    global counter
    counter += 1
def read():
    return counter
class K:
    global gk
    gk = 1
