def show(fn):
    try:
        fn()
    except NameError as e:
        print(f"{type(e).__name__}: {e}")

show(lambda: undefined_thing)
counter = 1
show(lambda: countr)
show(lambda: prnt("x"))
show(lambda: Lenght)
def outer():
    values = [1]
    def inner():
        return valuez
    return inner()
show(outer)
show(lambda: true)
show(lambda: none)
class K:
    attr = 1
    def m(self):
        return attr
show(K().m)
