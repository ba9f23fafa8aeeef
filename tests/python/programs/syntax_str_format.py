print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Cy", age=30))
print("{0[0]} {0[1]} {1[k]}".format(["x", "y"], {"k": "v"}))
class P:
    x = 5
print("{p.x} {p.__class__.__name__}".format(p=P()))
print("{:>6}|{:<6}|{:^6}|{:06.2f}".format("r", "l", "c", 3.14159))
print("{:,}".format(10 ** 9), "{:b}".format(10))
print("{!r} {!s}".format("q", "q"))
print("{{}} {}".format("escaped"))
print("{0:{1}}|".format("w", 5))
print(format(1234.5, ",.1f"), format("s", "^5"), format(7, "03d"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
print("x".join("ab"), "{0}{0}".format("ab"))
print("{a}-{b}".format_map({"a": 1, "b": 2}))
