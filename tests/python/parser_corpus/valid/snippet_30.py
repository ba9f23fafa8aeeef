x = ...; y = None; z = True; w = False
