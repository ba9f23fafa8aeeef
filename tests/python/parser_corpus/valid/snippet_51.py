x = -1; y = +1; z = ~1; w = - - 1; v = not not x
