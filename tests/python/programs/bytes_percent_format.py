# bytes % args and bytearray % args (PEP 461): the printf-style conversions on raw bytes.
class Raw:
    def __bytes__(self):
        return b"<raw>"

class Wrong:
    def __bytes__(self):
        return "text"

class Idx:
    def __index__(self):
        return 65

print(b"%d" % 5, b"%5d|%-5d|%05d" % (42, 42, -42), b"%+d % d" % (7, 7))
print(b"%x %X %#x %#o %o" % (255, 255, 255, 8, 8), b"%i %u" % (True, 3.9))
print(b"%s and %b" % (b"bytes", bytearray(b"array")), b"%s" % memoryview(b"view"))
print(b"%.2s|%5s|%-5b|" % (b"abcdef", b"ab", b"cd"), b"%s" % Raw())
print(b"%r %a" % ("caf\u00e9", b"x"), b"%a" % 1.5, b"%r" % [1, "\u20ac"])
print(b"%c%c%c" % (65, b"B", bytearray(b"C")), b"%3c|" % 120, b"%c" % Idx())
print(b"%.3f %e %g %G" % (3.14159, 12345.678, 0.00001, 1e20), b"%08.2f" % -2.5)
print(b"%(name)s is %(age)d" % {b"name": b"Ann", b"age": 30}, b"100%%" % ())
print(b"\xff%s\x00" % b"\x80", bytearray(b"%d-%d") % (1, 2), type(bytearray(b"%d") % 1).__name__)
print(b"%*d|%-*d|%.*f" % (5, 1, 4, 2, 1, 3.14159), b"%s" % (b"one-tuple",))
fmt = bytearray(b"%s")
print(fmt % fmt, b"%s %s" % (b"a", b"b"))

def show(fmt, args):
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for fmt, args in [
    (b"%s", "str"), (b"%s", 5), (b"%b", None), (b"%s", Wrong()),
    (b"%d", "5"), (b"%d", b"5"), (b"%x", 1.5), (b"%f", "x"), (b"%f", b"x"), (b"%e", None),
    (b"%c", 256), (b"%c", -1), (b"%c", b"ab"), (b"%c", "a"), (b"%c", 1.0), (b"%c", 2 ** 70),
    (b"%d %d", (1,)), (b"%d", (1, 2)), (b"abc", b"x"), (b"abc", 5), (b"%y", 1), (b"%\xe9", 1),
    (b"%", ()), (b"%(a", {}), (b"%(a)s", 1), (b"%(a)s", {"a": b"x"}), (b"%(a)s", {b"b": 1}),
    (b"%*d", (b"5", 1)), (b"%.*f", (1.5, 2.0)), (b"%s", {b"k": 1}), (b"%d", {b"k": 1}),
    (b"%.99999999999f", 1.0), (b"%(a)d %d", {b"a": 1}),
]:
    show(fmt, args)
print(b"%s" % b"" == b"", b"" % (), b"" % {})
try:
    "%d" % b"x"
except TypeError as e:
    print("TypeError:", e)
print("%s %r" % (b"x", bytearray(b"y")))
try:
    memoryview(b"%d") % 1
except TypeError as e:
    print("TypeError:", e)
print(bytes(Raw()), bytearray(b"ab") % ())
try:
    bytes(Wrong())
except TypeError as e:
    print("TypeError:", e)
