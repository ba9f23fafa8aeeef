# Unpacking errors say what CPython 3.11 says (no ", got N" for too many: that is 3.12).
def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)


def too_many_list():
    x, y = [1, 2, 3]


def too_many_tuple():
    x, y = (1, 2, 3, 4)


def too_many_str():
    a, b = "abc"


def too_many_iter():
    a, b = iter(range(5))


def not_enough():
    x, y, z = (1, 2)


def not_enough_star():
    x, *y, z = [1]


def not_iterable():
    x, y = 5


def in_for():
    for k, v in [(1, 2), (3, 4, 5)]:
        pass


def in_comprehension():
    return [a + b for a, b in ["ab", "c"]]


def nested():
    (a, b), c = (1, 2, 3), 4


attempt("list", too_many_list)
attempt("tuple", too_many_tuple)
attempt("str", too_many_str)
attempt("iter", too_many_iter)
attempt("short", not_enough)
attempt("star", not_enough_star)
attempt("int", not_iterable)
attempt("for", in_for)
attempt("comprehension", in_comprehension)
attempt("nested", nested)
x, y = {"k": 1, "v": 2}
print(x, y)
