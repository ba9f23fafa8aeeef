def connect(host, *, port=80, timeout):
    return f"{host}:{port} (timeout {timeout})"

print(connect("example", timeout=3))
print(connect("example", port=8080, timeout=1.5))
try:
    connect("example", 8080, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    connect("example")
except TypeError as e:
    print("TypeError:", e)

def split_at(text, sep=" ", /, maxsplit=-1):
    return text.split(sep, maxsplit)

print(split_at("a b c"))
print(split_at("a,b,c", ",", 1))
print(split_at("a,b,c", ",", maxsplit=1))
try:
    split_at(text="a b")
except TypeError as e:
    print("TypeError:", e)
