print("a syntax error stops the program before anything runs")
def broken(:
    pass
