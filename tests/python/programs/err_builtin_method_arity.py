# Builtin methods check their argument count before running, with CPython's messages
# (METH_NOARGS, METH_O, positional-only clinic methods, PyArg_ParseTuple methods).
calls = [
    "[].append(x=1)",
    "[].pop(1, 2)",
    "[].insert(1, 2, 3)",
    "[].index()",
    "[].count()",
    "[].remove()",
    "[].extend()",
    "[].copy(1)",
    "[].reverse(1)",
    "{}.get(1, x=2)",
    "{}.pop(1, 2, 3)",
    "{}.setdefault()",
    "{}.keys(1)",
    "{}.items(1, 2)",
    "set().discard()",
    "set().issubset()",
    "set().pop(1)",
    "''.strip(1, 2)",
    "''.strip(x=1)",
    "''.startswith()",
    "''.find()",
    "''.find(1, 2, 3, 4)",
    "''.count()",
    "''.center()",
    "''.zfill()",
    "''.partition()",
    "''.swapcase(1)",
    "''.isdigit(1)",
    "''.translate()",
    "''.format_map()",
    "''.removeprefix()",
    "().index()",
    "().count()",
    "(5).bit_length(1)",
    "(1.5).hex(2)",
    "open()",
    "open(mode='r')",
    "open('data.txt', file='x')",
    "open('data.txt', colour='red')",
]
for src in calls:
    try:
        eval_result = None
        exec("eval_result = " + src)
        print(src, "->", eval_result)
    except TypeError as e:
        print(src, "-> TypeError:", e)

# The checks do not get in the way of good calls.
xs = [3, 1, 2]
xs.append(4)
xs.insert(0, 9)
print(xs, xs.pop(), xs.pop(0), xs.index(1), xs.count(2))
d = {"a": 1}
print(d.get("a"), d.get("b", 0), d.setdefault("c", 5), d.pop("a"), sorted(d.items()))
print("  hi ".strip(), "xhix".strip("x"), "abc".find("c", 1), "a-b".partition("-"))
print("ab".center(6, "*"), "7".zfill(3), "Hi".swapcase(), (255).bit_length())
