x = y = z = 0
