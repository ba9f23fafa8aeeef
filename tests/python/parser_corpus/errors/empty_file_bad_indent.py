

    x
