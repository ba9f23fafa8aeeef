# Summarising measurements the benchmark-tutorial way: mean (an int for whole means of ints,
# exact for floats), median, mode, stdev/variance (exact sums, correctly rounded), quantiles,
# fmean with weights, and StatisticsError for too little data.
import random
import statistics

rng = random.Random(42)
timings = [round(rng.uniform(0.1, 0.5), 4) for _ in range(20)]
counts = [rng.randint(1, 10) for _ in range(15)]
print(f"mean {statistics.mean(timings):.6f} median {statistics.median(timings)}")
print(f"stdev {statistics.stdev(timings)!r} pstdev {statistics.pstdev(timings)!r}")
print(statistics.mean(counts), statistics.mean([1, 2, 3]), statistics.mean([1, 2, 3, 4]))
print(statistics.variance([1, 3, 5]), statistics.variance(counts), statistics.pvariance(counts))
print(statistics.mode(counts), statistics.multimode("aabbc"), statistics.median_low(counts),
      statistics.median_high([1, 2, 3, 4]))
print(statistics.quantiles(timings), statistics.quantiles(counts, n=10, method="inclusive"))
print(statistics.mean([1e50, 1, -1e50] * 10), sum([1e50, 1, -1e50] * 10))
print(statistics.fmean([1, 2, 3], weights=[3, 2, 1]), statistics.geometric_mean([2, 8]))
print(statistics.mean([0.1] * 7) == 0.1, statistics.stdev([2.5, 2.5, 2.5]))
for f, data in ((statistics.mean, []), (statistics.stdev, [1.0]), (statistics.median, []),
                (statistics.geometric_mean, [1, -1])):
    try:
        f(data)
    except statistics.StatisticsError as e:
        print(f"{f.__name__}: StatisticsError: {e}")
try:
    statistics.mean(["1", "2"])
except TypeError as e:
    print("TypeError:", e)
