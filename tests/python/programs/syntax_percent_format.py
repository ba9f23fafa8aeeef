print("%d items cost %.2f" % (3, 9.5))
print("%s|%r|%a" % ("hé", "hé", "hé"))
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
print("%e %.3e %g %G" % (12345.678, 0.000123, 1e-7, 1e20))
print("%10.3f|%-10.1f|" % (3.14159, 2.5))
print("%c%c" % (72, "i"))
print("%(name)s is %(age)d" % {"name": "Bo", "age": 7})
print("100%% sure, %s" % "yes")
print("%s" % [1, 2], "%s" % (("tuple",),))
print("%*d|%-*d|" % (6, 1, 6, 2))
print("%.3s" % "abcdef")
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
