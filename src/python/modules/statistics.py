# statistics, after CPython 3.11's Lib/statistics.py (our own code) for int and float data, the
# summaries benchmark programs print: mean (exact, as CPython's: an int mean of ints stays an
# int), fmean, geometric_mean, median / median_low / median_high, mode, multimode, quantiles,
# variance / pvariance / stdev / pstdev (exact sums of squares, correctly rounded square root).
# Sums are exact rationals kept as (numerator, denominator) int pairs (CPython uses Fraction).
#   ✗ Fraction and Decimal data (no fractions or decimal modules); harmonic_mean,
#     median_grouped, covariance, correlation, linear_regression, NormalDist
import math
from collections import Counter
from math import fsum, exp, log

__all__ = ['StatisticsError', 'fmean', 'geometric_mean', 'mean', 'median', 'median_high',
           'median_low', 'mode', 'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev',
           'variance']


class StatisticsError(ValueError):
    pass


def _exact_ratio(x):
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)  # inf or nan
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")


def _coerce(T, S):
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _frac(n, d):
    # The reduced (numerator, denominator) of n/d, denominator positive.
    if d < 0:
        n, d = -n, -d
    g = math.gcd(n, d)
    return (n // g, d // g) if g > 1 else (n, d)


def _frac_sum(partials):
    # The exact sum of {denominator: numerator sum} as a reduced pair.
    num, den = 0, 1
    for d, n in partials.items():
        num, den = _frac(num * d + n * den, den * d)
    return num, den


def _exact_items(data):
    # (type, count, [(num, den) of the finite values], sum of the inf/nan values or None).
    count = 0
    T = int
    pairs = []
    special = None
    for x in data:
        T = _coerce(T, type(x))
        n, d = _exact_ratio(x)
        count += 1
        if d is None:
            special = n if special is None else special + n
        else:
            pairs.append((n, d))
    return T, count, pairs, special


def _sum(data):
    # (type, total, count): total a reduced (num, den) pair, or a float when a value is inf/nan.
    T, count, pairs, special = _exact_items(data)
    if special is not None:
        return T, special, count
    partials = {}
    for n, d in pairs:
        partials[d] = partials.get(d, 0) + n
    return T, _frac_sum(partials), count


def _ss(data, c=None):
    # (type, sum of squared deviations, mean, count), the sums exact.
    if c is not None:
        T, ssd, count = _sum((d := x - c) * d for x in data)
        return (T, ssd, c, count)
    T, count, pairs, special = _exact_items(data)
    if not count:
        return (T, (0, 1), (0, 1), 0)
    if special is not None:
        return (T, special, special, count)
    sx_partials = {}
    sxx_partials = {}
    for n, d in pairs:
        sx_partials[d] = sx_partials.get(d, 0) + n
        sxx_partials[d * d] = sxx_partials.get(d * d, 0) + n * n
    sxn, sxd = _frac_sum(sx_partials)
    sxxn, sxxd = _frac_sum(sxx_partials)
    # (count * sxx - sx * sx) / count, exactly
    ssd = _frac(count * sxxn * sxd * sxd - sxn * sxn * sxxd, sxxd * sxd * sxd * count)
    return (T, ssd, _frac(sxn, sxd * count), count)


def _convert(value, T):
    # A (num, den) pair as type T (an int result only when it is whole).
    if isinstance(value, float):
        return value
    n, d = value
    if issubclass(T, int):
        if d != 1:
            return n / d
        return T(n)
    return T(n / d)


def _divide(value, k):
    if isinstance(value, float):
        return value / k
    n, d = value
    return _frac(n, d * k)


def _float_sqrt_of_frac(n, m):
    # sqrt(n/m) correctly rounded (round-to-odd integer square root at 109 bits).
    def rto(n, m):
        a = math.isqrt(n // m)
        return a | (a * a * m != n)
    q = (n.bit_length() - m.bit_length() - 109) // 2
    if q >= 0:
        return (rto(n, m << 2 * q) << q) / 1
    return rto(n << -2 * q, m) / (1 << -q)


def _sqrt(value):
    if isinstance(value, float):
        # inf/nan data: CPython asks the float for .numerator (AttributeError), as here
        return _float_sqrt_of_frac(value.numerator, value.denominator)
    return _float_sqrt_of_frac(*value)


def mean(data):
    """The arithmetic mean, exact: ints give an int when it is whole, else a float."""
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(_divide(total, n), T)


def fmean(data, weights=None):
    """The mean as a float (fsum of the data over its count); weights= for a weighted mean."""
    try:
        n = len(data)
    except TypeError:
        data = list(data)
        n = len(data)
    if weights is None:
        total = fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    try:
        num_weights = len(weights)
    except TypeError:
        weights = list(weights)
        num_weights = len(weights)
    num = fsum(x * w for x, w in zip(data, weights))
    if n != num_weights:
        raise StatisticsError('data and weights must be the same length')
    den = fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    """exp(fmean(log(x))): positive data only."""
    try:
        return exp(fmean([log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def median(data):
    """The middle value, or the mean of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    """The middle value, or the smaller of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2] if n % 2 == 1 else data[n // 2 - 1]


def median_high(data):
    """The middle value, or the larger of the two middle values."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def mode(data):
    """The most common value (the first seen among equally common ones)."""
    pairs = Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError('no mode for empty data') from None


def multimode(data):
    """Every most common value, in the order first seen ([] for no data)."""
    counts = Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


def quantiles(data, *, n=4, method='exclusive'):
    """The n - 1 cut points dividing the data into n intervals of equal probability."""
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    result = []
    if method == 'inclusive':
        m = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError(f'Unknown method: {method!r}')


def variance(data, xbar=None):
    """The sample variance (n - 1 in the denominator)."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(_divide(ss, n - 1), T)


def pvariance(data, mu=None):
    """The population variance (n in the denominator)."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(_divide(ss, n), T)


def stdev(data, xbar=None):
    """The square root of the sample variance, correctly rounded."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _sqrt(_divide(ss, n - 1))


def pstdev(data, mu=None):
    """The square root of the population variance, correctly rounded."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _sqrt(_divide(ss, n))
