// pickle (serialise.hpp): round-trips, type checks, malformed input.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "engine/serialise.hpp"

using namespace interleave::engine;

TEST_CASE("pickle: scalars round-trip" * doctest::timeout(10)) {
    CHECK(pickle::loads<int>(pickle::dumps(42)) == 42);
    CHECK(pickle::loads<int>(pickle::dumps(-7)) == -7);
    CHECK(pickle::loads<int64_t>(pickle::dumps(std::numeric_limits<int64_t>::min())) ==
          std::numeric_limits<int64_t>::min());
    CHECK(pickle::loads<uint64_t>(pickle::dumps(std::numeric_limits<uint64_t>::max())) ==
          std::numeric_limits<uint64_t>::max());
    CHECK(pickle::loads<bool>(pickle::dumps(true)) == true);
    CHECK(pickle::loads<double>(pickle::dumps(3.25)) == 3.25);
    CHECK(pickle::loads<std::string>(pickle::dumps(std::string("héllo\0x", 8))) ==
          std::string("héllo\0x", 8));
    CHECK(pickle::loads<char>(pickle::dumps('A')) == 'A');
}

TEST_CASE("pickle: containers round-trip" * doctest::timeout(10)) {
    std::vector<std::string> v{"a", "", "ccc"};
    CHECK(pickle::loads<decltype(v)>(pickle::dumps(v)) == v);
    std::map<std::string, std::vector<int>> m{{"x", {1, 2}}, {"y", {}}};
    CHECK(pickle::loads<decltype(m)>(pickle::dumps(m)) == m);
    std::unordered_map<int, double> um{{1, 1.5}, {-2, 0.0}};
    CHECK(pickle::loads<decltype(um)>(pickle::dumps(um)) == um);
    auto t = std::make_tuple(1, std::string("two"), 3.0, std::make_pair(false, 'z'));
    CHECK(pickle::loads<decltype(t)>(pickle::dumps(t)) == t);
    std::optional<int> none, some = 5;
    CHECK(pickle::loads<std::optional<int>>(pickle::dumps(none)) == none);
    CHECK(pickle::loads<std::optional<int>>(pickle::dumps(some)) == some);
    std::vector<std::vector<int>> big(100, std::vector<int>(100, 7));
    CHECK(pickle::loads<decltype(big)>(pickle::dumps(big)) == big);
}

TEST_CASE("pickle: a load is an independent copy" * doctest::timeout(10)) {
    std::vector<int> original{1, 2, 3};
    Pickled p = pickle::dumps(original);
    auto copy = pickle::loads<std::vector<int>>(p);
    copy.push_back(4);
    CHECK(original.size() == 3);
    CHECK(pickle::loads<std::vector<int>>(p).size() == 3);
}

TEST_CASE("pickle: wrong type, range and malformed input raise PickleError" *
          doctest::timeout(10)) {
    CHECK_THROWS_AS((void)pickle::loads<std::string>(pickle::dumps(1)), PickleError);
    CHECK_THROWS_AS((void)pickle::loads<int8_t>(pickle::dumps(300)), PickleError);
    CHECK_THROWS_AS((void)pickle::loads<uint32_t>(pickle::dumps(-1)), PickleError);
    using Pair = std::tuple<int, int>;
    CHECK_THROWS_AS((void)pickle::loads<Pair>(pickle::dumps(std::make_tuple(1))), PickleError);
    Pickled p = pickle::dumps(std::string("hello"));
    p.bytes.pop_back();
    CHECK_THROWS_AS((void)pickle::loads<std::string>(p), PickleError);
    Pickled q = pickle::dumps(5);
    q.bytes.push_back(0);
    CHECK_THROWS_AS((void)pickle::loads<int>(q), PickleError);
    // A length claiming more elements than bytes left must not allocate or read past the end.
    Pickled bad;
    bad.bytes = {static_cast<uint8_t>(pickle::Tag::list), 0xff, 0xff, 0xff, 0xff, 0x0f};
    CHECK_THROWS_AS((void)pickle::loads<std::vector<int>>(bad), PickleError);
    CHECK_THROWS_AS((void)pickle::loads<int>(Pickled{}), PickleError);
}

TEST_CASE("pickle: every truncation of a nested value fails cleanly" * doctest::timeout(10)) {
    std::map<std::string, std::vector<std::pair<int, std::string>>> m{{"k", {{1, "a"}, {2, "bb"}}}};
    Pickled full = pickle::dumps(m);
    for (size_t n = 0; n < full.bytes.size(); ++n) {
        Pickled cut;
        cut.bytes.assign(full.bytes.begin(), full.bytes.begin() + static_cast<long>(n));
        CHECK_THROWS_AS((void)pickle::loads<decltype(m)>(cut), PickleError);
    }
    CHECK(pickle::loads<decltype(m)>(full) == m);
}
