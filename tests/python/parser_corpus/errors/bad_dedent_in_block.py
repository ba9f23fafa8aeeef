for x in y:
    if x:
        pass
  else:
        pass
