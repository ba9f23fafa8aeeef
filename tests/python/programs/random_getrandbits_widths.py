# Seeded draws of every width near the machine word: getrandbits(k) for k up to 70 and
# randrange/randint over ranges of 2**47 .. 2**64 (they draw getrandbits(bit_length)) are
# CPython's numbers exactly (results past 2**47 were cut to 47 bits).
import random

random.seed(2024)
print([random.getrandbits(k).bit_length() <= k for k in range(0, 71)].count(True))
random.seed(5)
for k in (32, 33, 47, 48, 49, 52, 60, 62, 63, 64, 65, 70):
    print(k, hex(random.getrandbits(k)))
rng = random.Random(11)
print(rng.randrange(10**15), rng.randint(1, 2**50), rng.randrange(2**47, 2**48))
print(rng.randrange(-2**55, 2**55, 3), rng.choice(range(2**52)), rng.sample(range(2**60), 3))
rng.seed("tutorial")
print([rng.getrandbits(56) for _ in range(3)])
