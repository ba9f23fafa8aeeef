import random

random.seed(1)
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(10) for _ in range(5)], random.randrange(0, 100, 5), random.randrange(-10, -2))
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.choice(range(1000)))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample("abcdefg", 3))
print(random.getrandbits(8), random.getrandbits(64), random.getrandbits(100))
print(random.randint(0, 10 ** 30))
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError:", e)
