# bytes %-formatting's %f/%e/%g: whatever __float__ raises becomes "float argument required"
# (bytes' formatfloat), while str % lets the object's own exception through.
class Broken:
    def __float__(self):
        raise ValueError("no float today")


class Nope:
    def __float__(self):
        raise KeyError("k")


for fmt in [b"%f", b"%e", b"%g", b"%.2f"]:
    for obj in [Broken(), Nope()]:
        try:
            print(fmt % obj)
        except Exception as e:
            print(fmt, type(e).__name__, e, e.__context__)
try:
    print("%f" % Broken())
except Exception as e:
    print("str", type(e).__name__, e)
print(b"%c%c" % (65, b"B"), "%c%c" % (0x263A, "x"))
for fmt, arg in [(b"%c", 256), (b"%c", -1), (b"%c", 2**70), (b"%c", b"ab"), (b"%c", 1.5),
                 ("%c", 0x110000), ("%c", 2**70), ("%c", "ab"), ("%c", 1.5), ("%c", b"a")]:
    try:
        print(fmt % arg)
    except Exception as e:
        print(fmt, arg, type(e).__name__, e)
