count = 0

def increment():
    count += 1

def conditional(flag):
    if flag:
        value = "set"
    return value

def loop_var():
    for i in []:
        pass
    return i

for fn, args in ((increment, ()), (conditional, (False,)), (loop_var, ())):
    try:
        fn(*args)
    except UnboundLocalError as e:
        print(f"{type(e).__name__}: {e}")
        print("  is a NameError:", isinstance(e, NameError))

def free_var():
    def inner():
        return late
    try:
        inner()
    except NameError as e:
        print(f"{type(e).__name__}: {e}")
    late = 1

free_var()
print(conditional(True))
