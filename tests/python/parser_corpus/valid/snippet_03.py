a < b <= c != d is e is not f in g not in h
