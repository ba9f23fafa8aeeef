from concurrent.futures import ProcessPoolExecutor

def without_address(text):
    start = text.find(" at 0x")
    return text if start < 0 else text[:start] + text[text.find(">", start):]

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as ex:
        f = ex.submit(lambda: 1)
        try:
            f.result(timeout=10)
        except Exception as e:
            print(type(e).__name__ + ":", without_address(str(e)))
        print(ex.submit(abs, -5).result(), "the pool still works")
