# SyntaxWarnings the compiler prints before the program runs: 'is' with a literal, calling or
# subscripting a literal, an assert on a tuple (each once, with its source line).
x = 5
if x is 5:
    print("is")
if x is not "a":
    print("is not")
print(x is None, None is x)
try:
    y = [1, 2][0](3)
except TypeError as e:
    print(e)
try:
    z = 5[0]
except TypeError as e:
    print(e)
assert (x, "msg")
def f():
    return {1}[0]
