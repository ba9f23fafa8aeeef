def helper():
    return "helper ran"

print("module body runs, __name__ =", __name__)

if __name__ == "__main__":
    print("running as a program:", helper())
else:
    print("imported")

print(__name__ == "__main__", type(__builtins__).__name__ in ("module", "dict"))
