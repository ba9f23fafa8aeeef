def overrides():
    try:
        return "try"
    finally:
        print("finally runs before the return completes")

def swallow():
    for _ in range(1):
        try:
            raise ValueError("lost")
        finally:
            break
    return "the exception vanished"

def finally_wins():
    try:
        return 1
    finally:
        return 2

def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out

print(overrides())
print(swallow())
print(finally_wins())
print(loop_finally())

def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
    finally:
        print("outer finally")

nested()
