# Exceptions carry arbitrary attributes in their __dict__; what CPython keeps in C members
# (AttributeError.name/obj, OSError.errno/filename, SyntaxError.lineno, ...) is not in it.
import pickle


def attempt(text, f):
    try:
        print(text, "->", f())
    except Exception as e:
        print(text, "->", type(e).__name__, e)


class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code


e = ValueError("bad")
e.code = 5
print(e.code, e.__dict__, vars(e))
a = AppError("boom", 3)
print(a.__dict__, a.code, a.args, str(a))
e.__dict__["extra"] = 1
print(e.extra, sorted(e.__dict__))
e.__dict__ = {"q": 1}
print(e.q, hasattr(e, "code"))
attempt("e.__dict__ = 1", lambda: setattr(e, "__dict__", 1))
attempt("del e.__dict__", lambda: delattr(e, "__dict__"))
attempt("del a.__dict__", lambda: delattr(a, "__dict__"))


def f():
    pass


attempt("f.__dict__ = 1", lambda: setattr(f, "__dict__", 1))
attempt("del f.__dict__", lambda: delattr(f, "__dict__"))

samples = [
    NameError("x", name="y"),
    AttributeError("x", name="y", obj=1),
    ImportError("x", name="y", path="p"),
    SyntaxError("x", ("f.py", 1, 2, "t", 1, 3)),
    OSError(2, "No such file", "f.txt"),
    OSError(13, "denied", "a", None, "b"),
    SystemExit(3),
    StopIteration(4),
    ExceptionGroup("eg", [ValueError(1)]),
]
for s in samples:
    print(type(s).__name__, s.__dict__, s.args)
n, at, im, sx, os1, os2 = samples[:6]
print(n.name, at.name, at.obj, im.name, im.path, im.msg, sx.msg, sx.lineno, sx.end_offset)
print(os1.errno, os1.strerror, os1.filename, os2.filename2, samples[8].message)
attempt("NameError(z=1)", lambda: NameError("x", z=1))
try:
    undefined_name
except NameError as err:
    print(err.name, err.__dict__)
try:
    e.missing
except AttributeError as err:
    print(err.name, err.obj is e, err.__dict__)

# pickle keeps __dict__ and an OSError's filename, not AttributeError's name/obj (as CPython)
e.note = "n"
for x in [e, os1, os2, at, n, im]:
    y = pickle.loads(pickle.dumps(x))
    print(type(y).__name__, y.args, y.__dict__, getattr(y, "filename", "-"),
          getattr(y, "filename2", "-"), getattr(y, "name", "-"), getattr(y, "path", "-"))
