# Like the concurrent.futures page's ProcessPoolExecutor example: primality checks in processes.
import concurrent.futures
import math

PRIMES = [1000000007, 998244353, 1000000011, 2147483647, 2147483649, 999999999989]

def is_prime(n):
    if n < 2:
        return False
    if n == 2:
        return True
    if n % 2 == 0:
        return False
    for i in range(3, int(math.isqrt(n)) + 1, 2):
        if n % i == 0:
            return False
    return True

def main():
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as executor:
        for number, prime in zip(PRIMES, executor.map(is_prime, PRIMES)):
            print(f"{number} is prime: {prime}")

if __name__ == "__main__":
    main()
