# Closures see the variable, not its value at creation time.
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])

funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

def outer():
    x = "before"
    def show():
        return x
    x = "after"
    return show

print(outer()())

def make():
    fs = []
    for k in "abc":
        def f(k=k):
            return k * 2
        fs.append(f)
    return fs

print([f() for f in make()])
