// closest_name: CPython 3.11's suggestions.c rules (case flips cost 1, other edits 2, at most a
// third of the characters; no suggestion from 750+ candidates or past 40 characters).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "python/vm/suggestions.hpp"

using interleave::python::closest_name;

TEST_CASE("suggestions: the closest name within a third of the characters") {
    const std::vector<std::string_view> names = {"counter", "count", "print", "Thread"};
    CHECK(closest_name("countr", names) == 0);
    CHECK(closest_name("prnt", names) == 2);
    CHECK(closest_name("thread", names) == 3);   // a case flip is cheap
    CHECK(closest_name("counter", names) == 1);  // the name itself is never suggested
    CHECK(closest_name("xyz", names) == -1);
    CHECK(closest_name("completely_unrelated", names) == -1);
}

TEST_CASE("suggestions: no suggestion from 750 candidates, nor for names past 40 characters") {
    std::vector<std::string> many;
    for (int i = 0; i < 750; ++i) many.push_back("name" + std::to_string(i));
    std::vector<std::string_view> views(many.begin(), many.end());
    CHECK(closest_name("name1x", views) == -1);
    views.pop_back();
    CHECK(closest_name("name1x", views) >= 0);
    // Differing first and last characters: nothing to trim, so 42 characters are compared.
    const std::string middle(40, 'm');
    const std::string long_a = "x" + middle + "1", long_b = "y" + middle + "2";
    CHECK(closest_name(long_a, {long_b}) == -1);
    CHECK(closest_name("x" + middle.substr(2) + "1", {"y" + middle.substr(2) + "2"}) == 0);
}
