import sys

print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11))
print(sys.maxsize == 2 ** 63 - 1, sys.byteorder, type(sys.platform).__name__)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print(sys.argv[0].endswith("sys_basics.py"), len(sys.argv))
print("sys" in sys.modules, "__main__" in sys.modules, type(sys.path).__name__)
sys.stdout.write("stdout.write returns the length: ")
print(sys.stdout.write("xyz\n"))
sys.stderr.write("a line on stderr\n")
print(sys.float_info.max == 1.7976931348623157e308, sys.float_info.epsilon)
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))
print(sys.getdefaultencoding(), sys.flags.optimize)
