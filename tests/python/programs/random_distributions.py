import random

random.seed(7)
print(random.uniform(1, 2), random.uniform(5, -5))
print(random.choices("abc", k=5))
print(random.choices(["x", "y", "z"], weights=[10, 1, 1], k=6))
print(random.choices(range(3), cum_weights=[1, 2, 10], k=4))
print(round(random.gauss(0, 1), 12), round(random.normalvariate(10, 2), 12))
print(round(random.expovariate(1.5), 12), round(random.triangular(0, 10, 3), 12))
print(round(random.betavariate(2, 3), 12), random.random())
