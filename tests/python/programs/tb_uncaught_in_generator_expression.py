values = ["1", "2", "x", "4"]
print(sum(int(v) for v in values))
