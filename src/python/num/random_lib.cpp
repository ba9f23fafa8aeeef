// Lib/random.py (CPython 3.11) methods of Random, draw for draw.
#include "python/num/random_lib.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "python/num/float_ops.hpp"

namespace interleave::python {

namespace {

const double kTwoPi = 6.283185307179586;  // math.tau
const double kNvMagic = 4 * std::exp(-0.5) / std::sqrt(2.0);
const double kLog4 = std::log(4.0);
const double kSgMagic = 1.0 + std::log(4.5);
const double kE = 2.718281828459045;   // math.e
const double kPi = 3.141592653589793;  // math.pi

Error value_error(const char* msg) {
    return make_error(ExcType::ValueError, msg);
}

}  // namespace

Result<std::string> PyRandom::randbytes(int64_t n) {
    if (n < 0 || n > INT64_MAX / 8) return value_error("number of bits must be non-negative");
    Result<BigInt> bits = mt_.getrandbits(n * 8);
    if (!bits) return bits.error;
    std::string out(static_cast<size_t>(n), '\0');
    const auto& limbs = bits.value.limbs();
    for (size_t i = 0; i < out.size(); ++i) {
        const size_t w = i / 4;
        if (w < limbs.size()) out[i] = static_cast<char>(limbs[w] >> (8 * (i % 4)));
    }
    return out;
}

uint64_t PyRandom::randbelow(uint64_t n) {
    const int k = 64 - __builtin_clzll(n);  // n.bit_length(); n > 0
    uint64_t r = mt_.getrandbits64(k);
    while (r >= n) r = mt_.getrandbits64(k);
    return r;
}

BigInt PyRandom::randbelow(const BigInt& n) {
    if (n.bit_length() <= 64) {
        const auto& l = n.limbs();
        uint64_t v = l[0];
        if (l.size() > 1) v |= uint64_t(l[1]) << 32;
        return BigInt::from_uint64(randbelow(v));
    }
    const auto k = static_cast<int64_t>(n.bit_length());
    BigInt r = mt_.getrandbits(k).value;
    while (r >= n) r = mt_.getrandbits(k).value;
    return r;
}

Result<BigInt> PyRandom::randrange(const BigInt& start, const BigInt* stop, const BigInt* step) {
    const BigInt one = BigInt::from_int64(1);
    if (stop == nullptr) {
        if (step != nullptr)
            return make_error(ExcType::TypeError, "Missing a non-None stop argument");
        if (start.sign() > 0) return randbelow(start);
        return value_error("empty range for randrange()");
    }
    const BigInt width = *stop - start;
    const BigInt istep = step != nullptr ? *step : one;
    if (istep == one) {
        if (width.sign() > 0) return start + randbelow(width);
        return make_error(ExcType::ValueError,
                          "empty range for randrange() (" + start.to_decimal(0).value + ", " +
                              stop->to_decimal(0).value + ", " + width.to_decimal(0).value + ")");
    }
    BigInt n;
    if (istep.sign() > 0) {
        n = floordiv(width + istep - one, istep).value;
    } else if (istep.sign() < 0) {
        n = floordiv(width + istep + one, istep).value;
    } else {
        return value_error("zero step for randrange()");
    }
    if (n.sign() <= 0) return value_error("empty range for randrange()");
    return start + istep * randbelow(n);
}

Result<int64_t> PyRandom::randrange(int64_t stop) {
    if (stop > 0) return static_cast<int64_t>(randbelow(static_cast<uint64_t>(stop)));
    return value_error("empty range for randrange()");
}

Result<int64_t> PyRandom::randrange(int64_t start, int64_t stop, int64_t step) {
    const BigInt bstop = BigInt::from_int64(stop), bstep = BigInt::from_int64(step);
    Result<BigInt> r = randrange(BigInt::from_int64(start), &bstop, step == 1 ? nullptr : &bstep);
    if (!r) return r.error;
    int64_t v = 0;
    (void)r.value.to_int64(&v);  // start + step * k lies between start and stop
    return v;
}

Result<BigInt> PyRandom::randint(const BigInt& a, const BigInt& b) {
    const BigInt stop = b + BigInt::from_int64(1);
    return randrange(a, &stop);
}

Result<int64_t> PyRandom::randint(int64_t a, int64_t b) {
    Result<BigInt> r = randint(BigInt::from_int64(a), BigInt::from_int64(b));
    if (!r) return r.error;
    int64_t v = 0;
    (void)r.value.to_int64(&v);
    return v;
}

Result<uint64_t> PyRandom::choice(uint64_t len) {
    if (len == 0) return make_error(ExcType::IndexError, "Cannot choose from an empty sequence");
    return randbelow(len);
}

Result<std::vector<uint64_t>> PyRandom::sample(uint64_t n, int64_t k) {
    if (k < 0 || static_cast<uint64_t>(k) > n)
        return value_error("Sample larger than population or is negative");
    std::vector<uint64_t> result(static_cast<size_t>(k));
    double setsize = 21;  // size of a small set minus size of an empty list
    if (k > 5)
        setsize += std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0)));
    if (static_cast<double>(n) <= setsize) {
        std::vector<uint64_t> pool(n);
        for (uint64_t i = 0; i < n; ++i) pool[i] = i;
        for (int64_t i = 0; i < k; ++i) {
            const uint64_t j = randbelow(n - static_cast<uint64_t>(i));
            result[static_cast<size_t>(i)] = pool[j];
            pool[j] =
                pool[n - static_cast<uint64_t>(i) - 1];  // move non-selected item into vacancy
        }
    } else {
        std::unordered_set<uint64_t> selected;
        for (int64_t i = 0; i < k; ++i) {
            uint64_t j = randbelow(n);
            while (selected.count(j) != 0) j = randbelow(n);
            selected.insert(j);
            result[static_cast<size_t>(i)] = j;
        }
    }
    return result;
}

Result<std::vector<uint64_t>> PyRandom::sample_counts(uint64_t n,
                                                      const std::vector<int64_t>& counts,
                                                      int64_t k) {
    std::vector<int64_t> cum(counts.size());
    int64_t acc = 0;
    for (size_t i = 0; i < counts.size(); ++i) cum[i] = acc += counts[i];
    if (cum.size() != n) return value_error("The number of counts does not match the population");
    if (cum.empty()) return make_error(ExcType::IndexError, "pop from empty list");
    const int64_t total = cum.back();
    cum.pop_back();
    if (total <= 0) return value_error("Total of counts must be greater than zero");
    Result<std::vector<uint64_t>> picks = sample(static_cast<uint64_t>(total), k);
    if (!picks) return picks;
    for (uint64_t& s : picks.value) {  // bisect(cum_counts, s)
        s = static_cast<uint64_t>(
            std::upper_bound(cum.begin(), cum.end(), static_cast<int64_t>(s)) - cum.begin());
    }
    return picks;
}

std::vector<uint64_t> PyRandom::choices(uint64_t n, int64_t k) {
    std::vector<uint64_t> out;
    const double nf = static_cast<double>(n);
    for (int64_t i = 0; i < k; ++i) out.push_back(static_cast<uint64_t>(std::floor(random() * nf)));
    return out;
}

Result<std::vector<uint64_t>> PyRandom::choices_cum(uint64_t n, const std::vector<double>& cum,
                                                    int64_t k) {
    if (cum.size() != n) return value_error("The number of weights does not match the population");
    if (cum.empty()) return make_error(ExcType::IndexError, "list index out of range");
    const double total = cum.back() + 0.0;
    if (total <= 0.0) return value_error("Total of weights must be greater than zero");
    if (!std::isfinite(total)) return value_error("Total of weights must be finite");
    const auto hi = static_cast<std::ptrdiff_t>(n - 1);
    std::vector<uint64_t> out;
    for (int64_t i = 0; i < k; ++i) {
        const double x = random() * total;
        out.push_back(static_cast<uint64_t>(std::upper_bound(cum.begin(), cum.begin() + hi, x) -
                                            cum.begin()));
    }
    return out;
}

double PyRandom::triangular(double low, double high, std::optional<double> mode) {
    double u = random();
    double c = 0.5;
    if (mode) {
        if (high - low == 0.0) return low;  // ZeroDivisionError is caught: return low
        c = (*mode - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        std::swap(low, high);
    }
    return low + (high - low) * std::sqrt(u * c);
}

double PyRandom::normalvariate(double mu, double sigma) {
    double z = 0;
    for (;;) {
        const double u1 = random();
        const double u2 = 1.0 - random();
        z = kNvMagic * (u1 - 0.5) / u2;
        const double zz = z * z / 4.0;
        if (zz <= -std::log(u2)) break;
    }
    return mu + z * sigma;
}

double PyRandom::gauss(double mu, double sigma) {
    std::optional<double> z = gauss_next_;
    gauss_next_.reset();
    if (!z) {
        const double x2pi = random() * kTwoPi;
        const double g2rad = std::sqrt(-2.0 * std::log(1.0 - random()));
        z = std::cos(x2pi) * g2rad;
        gauss_next_ = std::sin(x2pi) * g2rad;
    }
    return mu + *z * sigma;
}

double PyRandom::lognormvariate(double mu, double sigma) {
    return std::exp(normalvariate(mu, sigma));
}

Result<double> PyRandom::expovariate(double lambd) {
    const double x = -std::log(1.0 - random());
    return float_truediv(x, lambd);
}

double PyRandom::vonmisesvariate(double mu, double kappa) {
    if (kappa <= 1e-6) return kTwoPi * random();
    const double s = 0.5 / kappa;
    const double r = s + std::sqrt(1.0 + s * s);
    double z = 0;
    for (;;) {
        const double u1 = random();
        z = std::cos(kPi * u1);
        const double d = z / (r + z);
        const double u2 = random();
        if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * std::exp(d)) break;
    }
    const double q = 1.0 / r;
    const double f = (q + z) / (1.0 + q * z);
    const double u3 = random();
    const double theta = u3 > 0.5 ? mu + std::acos(f) : mu - std::acos(f);
    return float_mod(theta, kTwoPi).value;
}

Result<double> PyRandom::gammavariate(double alpha, double beta) {
    if (alpha <= 0.0 || beta <= 0.0)
        return value_error("gammavariate: alpha and beta must be > 0.0");
    if (alpha > 1.0) {
        const double ainv = std::sqrt(2.0 * alpha - 1.0);
        const double bbb = alpha - kLog4;
        const double ccc = alpha + ainv;
        for (;;) {
            const double u1 = random();
            if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
            const double u2 = 1.0 - random();
            const double v = std::log(u1 / (1.0 - u1)) / ainv;
            const double x = alpha * std::exp(v);
            const double z = u1 * u1 * u2;
            const double r = bbb + ccc * v - x;
            if (r + kSgMagic - 4.5 * z >= 0.0 || r >= std::log(z)) return x * beta;
        }
    }
    if (alpha == 1.0) return -std::log(1.0 - random()) * beta;
    double x = 0;
    for (;;) {
        const double u = random();
        const double b = (kE + alpha) / kE;
        const double p = b * u;
        if (p <= 1.0) {
            Result<double> px = float_pow(p, 1.0 / alpha);
            if (!px) return px;
            x = px.value;
        } else {
            x = -std::log((b - p) / alpha);
        }
        const double u1 = random();
        if (p > 1.0) {
            Result<double> xa = float_pow(x, alpha - 1.0);
            if (!xa) return xa;
            if (u1 <= xa.value) break;
        } else if (u1 <= std::exp(-x)) {
            break;
        }
    }
    return x * beta;
}

Result<double> PyRandom::betavariate(double alpha, double beta) {
    Result<double> y = gammavariate(alpha, 1.0);
    if (!y) return y;
    if (y.value == 0.0) return 0.0;
    Result<double> y2 = gammavariate(beta, 1.0);
    if (!y2) return y2;
    return float_truediv(y.value, y.value + y2.value);
}

Result<double> PyRandom::paretovariate(double alpha) {
    const double u = 1.0 - random();
    Result<double> e = float_truediv(-1.0, alpha);
    if (!e) return e;
    return float_pow(u, e.value);
}

Result<double> PyRandom::weibullvariate(double alpha, double beta) {
    const double u = 1.0 - random();
    Result<double> e = float_truediv(1.0, beta);
    if (!e) return e;
    Result<double> p = float_pow(-std::log(u), e.value);
    if (!p) return p;
    return alpha * p.value;
}

}  // namespace interleave::python
