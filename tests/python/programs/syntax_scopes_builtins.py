print(len("abc"))
len = lambda x: "shadowed"
print(len("abc"))
del len
print(len("abc"))
import builtins
print(builtins.len is len, builtins.max([3, 1, 2]))

def uses_global():
    return value

value = "defined after the def"
print(uses_global())

def local_shadow():
    list = ["mine"]
    return list

print(local_shadow(), list("ab"))
x = "global"
def read_then_assign():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = "local"
read_then_assign()
