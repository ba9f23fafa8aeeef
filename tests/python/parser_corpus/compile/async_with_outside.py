async_ok = 1
async with a:
    pass
