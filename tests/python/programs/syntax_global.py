counter = 0
name = "module"

def bump():
    global counter
    counter += 1

def shadow():
    name = "local"
    return name

def create():
    global created
    created = "made inside"

for _ in range(5):
    bump()
print(counter)
print(shadow(), name)
create()
print(created)
print("counter" in globals(), "nothing" in globals())

def read_only():
    return counter * 2

print(read_only())
