data = [(i * 7919) % 1000003 for i in range(1000000)]
evens = [x for x in data if x % 2 == 0]
evens.sort()
squares = sorted([x * x % 1009 for x in evens], reverse=True)
print(len(evens), evens[:3], evens[-1], sum(squares[:100]))
