import random

random.seed(2024)
rolls = [random.randint(1, 6) for _ in range(600)]
print({face: rolls.count(face) for face in range(1, 7)})
walk = 0
path = []
for _ in range(20):
    walk += random.choice((-1, 1))
    path.append(walk)
print(path)
names = ["ann", "bob", "cy", "dee", "eve"]
random.shuffle(names)
print(names)
inside = sum(1 for _ in range(2000) if random.random() ** 2 + random.random() ** 2 <= 1)
print(inside, 4 * inside / 2000)
