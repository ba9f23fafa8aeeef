# An AttributeError or NameError pickles as (type, args): its name and obj are not saved (CPython
# 3.11 keeps them in C members), so one raised on a module crosses to another process.
import os
import pickle

try:
    os.nothing
except AttributeError as e:
    back = pickle.loads(pickle.dumps(e))
    print(repr(back), back.name, back.obj, back.args)
try:
    undefined_name
except NameError as e:
    back = pickle.loads(pickle.dumps(e))
    print(repr(back), back.name)
e = AttributeError("x")
e.note = "kept"
back = pickle.loads(pickle.dumps(e))
print(repr(back), back.note)
e = ImportError("no", name="mod")
back = pickle.loads(pickle.dumps(e))
print(repr(back), back.name)
e = OSError(2, "No such file or directory", "f.txt")
back = pickle.loads(pickle.dumps(e))
print(repr(back), back.errno, back.filename, type(back).__name__)
