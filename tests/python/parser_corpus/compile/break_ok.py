while True:
    if x:
        break
    try:
        continue
    finally:
        pass
