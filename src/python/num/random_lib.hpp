// Lib/random.py's Random class of CPython 3.11 in C++, on MersenneTwister (mt19937.hpp): the
// same draws in the same order, so seeded programs print what CPython prints.
//
// ✓ _randbelow (getrandbits rejection), randrange (all forms, errors), randint, choice,
//   shuffle, sample (both algorithms and the set-size threshold; counts=), choices (floor(
//   random() * n), weights / cum_weights with bisect), uniform, triangular, normalvariate,
//   gauss (gauss_next), lognormvariate, expovariate, vonmisesvariate, gammavariate,
//   betavariate, paretovariate, weibullvariate, randbytes, getstate/setstate's gauss_next
// ✗ what needs the VM: argument type checks and conversions (randrange's float deprecation
//   path, "Population must be a sequence...", choices' "k must be a keyword argument"), the
//   Python-level sequences (shuffle/sample/choices work on indices: the VM maps them)
// ✗ choices' weights are doubles here: int weights whose running sums pass 2**53 would
//   compare inexactly (CPython sums them as ints)
// ✗ under Emscripten, musl's log/exp/cos/sin/acos may differ from glibc in the last bit, so
//   the continuous distributions can differ there in the last digit (integers never do)
//
// Not thread-safe (one object per Python Random instance; see mt19937.hpp). Costs: a few
// genrand calls per draw; sample O(k) extra memory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "python/num/bigint.hpp"
#include "python/num/error.hpp"
#include "python/num/mt19937.hpp"

namespace interleave::python {

class PyRandom {
  public:
    MersenneTwister& core() { return mt_; }

    // Random.seed(a): each resets gauss_next, as Lib/random.py does.
    void seed(const BigInt& n) { mt_.seed(n), gauss_next_.reset(); }
    void seed(int64_t n) { mt_.seed(n), gauss_next_.reset(); }
    void seed_float(double x) { mt_.seed_float(x), gauss_next_.reset(); }
    void seed_bytes(std::string_view bytes) { mt_.seed_bytes(bytes), gauss_next_.reset(); }

    double random() { return mt_.random(); }
    Result<BigInt> getrandbits(int64_t k) { return mt_.getrandbits(k); }
    // randbytes(n): getrandbits(n * 8) as n little-endian bytes.
    Result<std::string> randbytes(int64_t n);

    // _randbelow_with_getrandbits for n > 0: k = n.bit_length(), getrandbits(k) until < n.
    uint64_t randbelow(uint64_t n);
    BigInt randbelow(const BigInt& n);

    // randrange(stop) / randrange(start, stop[, step]). step_given: a step argument was passed
    // (randrange(10, step=2) raises TypeError 'Missing a non-None stop argument'). ValueError
    // "empty range for randrange()", "empty range for randrange() (3, 3, 0)", "zero step for
    // randrange()".
    Result<BigInt> randrange(const BigInt& start, const BigInt* stop = nullptr,
                             const BigInt* step = nullptr);
    Result<int64_t> randrange(int64_t stop);
    Result<int64_t> randrange(int64_t start, int64_t stop, int64_t step = 1);
    // randint(a, b) = randrange(a, b + 1).
    Result<BigInt> randint(const BigInt& a, const BigInt& b);
    Result<int64_t> randint(int64_t a, int64_t b);

    // choice(seq): the index to take. IndexError 'Cannot choose from an empty sequence'.
    Result<uint64_t> choice(uint64_t len);
    // shuffle(x) for len(x) == n: calls swap(i, j) in CPython's order (i from n-1 down to 1).
    template <class Swap>
    void shuffle(uint64_t n, Swap&& swap) {
        for (uint64_t i = n; i-- > 1;) swap(i, randbelow(i + 1));
    }
    // sample(population, k) for len(population) == n: the indices chosen, in order.
    // ValueError "Sample larger than population or is negative".
    Result<std::vector<uint64_t>> sample(uint64_t n, int64_t k);
    // sample(population, k, counts=counts): indices into population. ValueError 'The number of
    // counts does not match the population' (n != counts.size()), 'Total of counts must be
    // greater than zero'.
    Result<std::vector<uint64_t>> sample_counts(uint64_t n, const std::vector<int64_t>& counts,
                                                int64_t k);
    // choices(population, k=k) without weights: indices floor(random() * n).
    std::vector<uint64_t> choices(uint64_t n, int64_t k);
    // choices(population, weights=w or cum_weights=c, k=k): pass the cumulative weights
    // (accumulate(w) for weights). ValueError 'The number of weights does not match the
    // population', 'Total of weights must be greater than zero', 'Total of weights must be
    // finite'.
    Result<std::vector<uint64_t>> choices_cum(uint64_t n, const std::vector<double>& cum_weights,
                                              int64_t k);

    double uniform(double a, double b) { return a + (b - a) * random(); }
    // triangular(low, high, mode=None).
    double triangular(double low, double high, std::optional<double> mode = std::nullopt);
    double normalvariate(double mu = 0.0, double sigma = 1.0);
    double gauss(double mu = 0.0, double sigma = 1.0);
    double lognormvariate(double mu, double sigma);
    // ZeroDivisionError "float division by zero" for lambd == 0.
    Result<double> expovariate(double lambd);
    double vonmisesvariate(double mu, double kappa);
    // ValueError 'gammavariate: alpha and beta must be > 0.0'.
    Result<double> gammavariate(double alpha, double beta);
    Result<double> betavariate(double alpha, double beta);
    Result<double> paretovariate(double alpha);
    Result<double> weibullvariate(double alpha, double beta);

    // Random.getstate()/setstate()'s third element.
    std::optional<double> gauss_next() const { return gauss_next_; }
    void set_gauss_next(std::optional<double> v) { gauss_next_ = v; }

  private:
    MersenneTwister mt_;
    std::optional<double> gauss_next_;
};

}  // namespace interleave::python
