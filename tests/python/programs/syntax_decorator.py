calls = []

def logged(func):
    def wrapper(*args, **kwargs):
        calls.append(func.__name__)
        result = func(*args, **kwargs)
        print(f"{func.__name__}{args} -> {result}")
        return result
    return wrapper

@logged
def add(a, b):
    return a + b

@logged
def neg(x):
    return -x

add(1, 2)
neg(add(3, 4))
print(calls)
print(add.__name__)

def repeat(times):
    def deco(func):
        def run(*args):
            return [func(*args) for _ in range(times)]
        return run
    return deco

@repeat(3)
def hello(who):
    return "hi " + who

print(hello("you"))

def tag(label):
    return lambda f: lambda: f"<{label}>{f()}</{label}>"

@tag("b")
@tag("i")
def text():
    return "styled"

print(text())
