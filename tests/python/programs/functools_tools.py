import functools
import operator

def power(base, exp):
    return base ** exp

square = functools.partial(power, exp=2)
cube = functools.partial(power, exp=3)
print(square(5), cube(2), square.func is power, square.args, square.keywords)
two_to = functools.partial(power, 2)
text = repr(functools.partial(power, 1, exp=2))
print(two_to(10), text[:text.index(" at 0x")] + text[text.index(">"):])
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, range(1, 6), 1))
print(functools.reduce(max, [3, 9, 2]), functools.reduce(operator.add, [], "start"))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda x, y: (x.lower() > y.lower()) - (x.lower() < y.lower()))))
