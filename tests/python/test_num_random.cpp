// random (mt19937.hpp, random_lib.hpp) and SHA-512 on CPython 3.11's known outputs; random
// call sequences against python3 in test_num_random_diff.cpp.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "python/num/random_lib.hpp"
#include "python/num/sha512.hpp"

using namespace interleave::python;

namespace {

std::string hex(const std::array<uint8_t, 64>& d) {
    static const char* k = "0123456789abcdef";
    std::string s;
    for (uint8_t b : d) {
        s += k[b >> 4];
        s += k[b & 15];
    }
    return s;
}

}  // namespace

TEST_CASE("sha512: FIPS 180-4 vectors" * doctest::timeout(10)) {
    CHECK(
        hex(sha512("abc")) ==
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a"
        "3feebbd454d4423643ce80e2a9ac94fa54ca49f");
    CHECK(
        hex(sha512("")) ==
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d28"
        "77eec2f63b931bd47417a81a538327af927da3e");
    // Streaming across block boundaries gives the same digest.
    const std::string text(1000, 'x');
    Sha512 s;
    for (size_t i = 0; i < text.size(); i += 7) s.update(std::string_view(text).substr(i, 7));
    CHECK(hex(s.digest()) == hex(sha512(text)));
}

TEST_CASE("random: CPython's seeded values" * doctest::timeout(10)) {
    PyRandom r;
    r.seed(int64_t{42});
    CHECK(r.random() == 0.6394267984578837);
    CHECK(r.random() == 0.025010755222666936);
    r.seed(int64_t{0});
    CHECK(r.getrandbits(100).value.to_decimal().value == "1169245609517217401678349469645");
    CHECK(r.randrange(10).value == 6);
    CHECK(r.randint(1, 6).value == 1);
    CHECK(r.choice(3).value == 1);
    r.seed_bytes("hello");  // random.seed('hello') and random.seed(b'hello')
    CHECK(r.random() == 0.3537754404730722);
    r.seed_float(1.5);
    CHECK(r.random() == 0.551763726942059);
    r.seed(int64_t{-7});
    CHECK(r.random() == 0.32383276483316237);
    r.seed(pow(BigInt::from_int64(2), BigInt::from_int64(100)).value);
    CHECK(r.random() == 0.7586581712996778);

    r.seed(int64_t{42});
    CHECK(r.gauss() == -0.14409032957792836);
    CHECK(r.gauss() == -0.1729036003315193);  // the second of the pair (gauss_next)
    CHECK(r.normalvariate() == -0.49684447341120286);
    CHECK(r.expovariate(2.0).value == 0.6667963364040415);

    r.seed(int64_t{42});
    std::vector<int> l = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    r.shuffle(l.size(), [&](uint64_t i, uint64_t j) { std::swap(l[i], l[j]); });
    CHECK(l == std::vector<int>{7, 3, 2, 8, 5, 6, 9, 4, 0, 1});
    CHECK(r.sample(100, 5).value == std::vector<uint64_t>{75, 54, 4, 3, 11});
    CHECK(r.sample(10, 10).value == std::vector<uint64_t>{3, 9, 0, 4, 1, 6, 8, 7, 5, 2});
    CHECK(r.choices(5, 5) == std::vector<uint64_t>{4, 0, 4, 3, 1});  // 'e', 'a', 'e', 'd', 'b'
    CHECK(r.choices_cum(3, {1, 3, 6}, 5).value == std::vector<uint64_t>{0, 2, 1, 0, 0});

    r.seed(int64_t{7});
    CHECK(r.triangular(1, 3) == 1.8047766955288433);
    CHECK(r.uniform(2, 5) == 2.4525475217735058);
    CHECK(r.vonmisesvariate(1, 2) == 2.0428405098638684);
    CHECK(r.gammavariate(0.5, 2).value == 0.374897698579465);
    CHECK(r.gammavariate(3, 1).value == 3.0401738864798196);
    CHECK(r.betavariate(2, 3).value == 0.6156668806337945);
    CHECK(r.paretovariate(2).value == 2.4032083075590056);
    CHECK(r.weibullvariate(1, 2).value == 0.3635424897438157);
    CHECK(r.lognormvariate(0, 1) == 0.27960457547234213);
    CHECK(r.randbytes(5).value == std::string("\xa9\r\x9d\xf2\x0f", 5));
}

TEST_CASE("random: Lib/random.py's error texts" * doctest::timeout(10)) {
    PyRandom r;
    CHECK(r.randrange(0).error.message == "empty range for randrange()");
    CHECK(r.randrange(3, 3).error.message == "empty range for randrange() (3, 3, 0)");
    CHECK(r.randrange(0, 10, 0).error.message == "zero step for randrange()");
    CHECK(r.randrange(10, 0, 2).error.message == "empty range for randrange()");
    const BigInt two = BigInt::from_int64(2);
    CHECK(r.randrange(BigInt::from_int64(10), nullptr, &two).error.message ==
          "Missing a non-None stop argument");
    CHECK(r.choice(0).error.type == ExcType::IndexError);
    CHECK(r.choice(0).error.message == "Cannot choose from an empty sequence");
    CHECK(r.sample(3, 4).error.message == "Sample larger than population or is negative");
    CHECK(r.sample(3, -1).error.message == "Sample larger than population or is negative");
    CHECK(r.sample_counts(2, {1}, 1).error.message ==
          "The number of counts does not match the population");
    CHECK(r.sample_counts(2, {0, 0}, 1).error.message ==
          "Total of counts must be greater than zero");
    CHECK(r.choices_cum(2, {1}, 1).error.message ==
          "The number of weights does not match the population");
    CHECK(r.choices_cum(2, {0, 0}, 1).error.message ==
          "Total of weights must be greater than zero");
    CHECK(r.choices_cum(2, {1, INFINITY}, 1).error.message == "Total of weights must be finite");
    CHECK(r.expovariate(0).error.message == "float division by zero");
    CHECK(r.gammavariate(0, 1).error.message == "gammavariate: alpha and beta must be > 0.0");
    CHECK(r.getrandbits(-1).error.message == "number of bits must be non-negative");
    CHECK(r.core().setstate(MersenneTwister::State{{}, 625}).message == "invalid state");
    // getstate/setstate round trip.
    r.seed(int64_t{5});
    const MersenneTwister::State st = r.core().getstate();
    const double first = r.random();
    CHECK(r.core().setstate(st).ok());
    CHECK(r.random() == first);
    CHECK(r.triangular(2, 2, 2.0) == 2.0);  // (mode - low) / 0: low, as CPython
}
