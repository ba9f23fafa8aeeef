# conformance: exit=1
# The playground has no files. open() raises CPython's FileNotFoundError (what python3 prints in an
# empty folder, so `except FileNotFoundError` works), with a note on what to do instead.
try:
    open("missing.txt")
except FileNotFoundError as e:
    print("caught:", e)

with open("data.txt") as f:
    print(f.read())
