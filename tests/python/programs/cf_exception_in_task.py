from concurrent.futures import ThreadPoolExecutor

def parse(text):
    return int(text)

with ThreadPoolExecutor(max_workers=2) as ex:
    futures = {text: ex.submit(parse, text) for text in ("1", "two", "3")}
    for text, f in futures.items():
        err = f.exception()
        if err:
            print(f"{text!r}: {type(err).__name__}: {err}")
        else:
            print(f"{text!r}: {f.result()}")
    try:
        futures["two"].result()
    except ValueError as e:
        print("result() raises the same error:", e is futures["two"].exception())
