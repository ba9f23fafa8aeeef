def attempt(value):
    print(f"attempt({value!r})")
    try:
        result = 10 / int(value)
    except ValueError as e:
        print("  ValueError:", e)
        return "bad"
    except (ZeroDivisionError, TypeError) as e:
        print("  caught", type(e).__name__)
        return "zero"
    else:
        print("  else ran, result", result)
        return result
    finally:
        print("  finally ran")

for v in ("5", "abc", "0", None):
    try:
        print("->", attempt(v))
    except Exception as e:
        print("-> escaped", type(e).__name__, e)

try:
    raise RuntimeError("boom")
except Exception as e:
    saved = e
print(type(saved).__name__, saved.args)
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
