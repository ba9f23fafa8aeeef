# __file__ in __main__ is the script's absolute path (CPython 3.9+), as sys.argv[0] is here.
import os
import sys

print(os.path.basename(__file__))
print(os.path.isabs(__file__), __file__ == sys.argv[0])
print("__file__" in globals(), __name__)


def where():
    return os.path.basename(__file__)


print(where())
