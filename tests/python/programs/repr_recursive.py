a = [1, 2]
a.append(a)
print(a, repr(a), len(a))
d = {"name": "loop"}
d["self"] = d
print(d)
b = [a, a]
print(b)
x = []
y = [x]
x.append(y)
print(x, y)
t = ([],)
t[0].append(t)
print(t)
s = {"k": [1]}
s["k"].append(s)
print(s)
class Node:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f"Node({self.children!r})"
n = Node()
n.children.append([n.children])
print(n)
