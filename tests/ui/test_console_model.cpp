// The console's buffer model: append, filter, bound with dropped count, copy.
#include <doctest/doctest.h>

#include <string>

#include "ui/console_model.hpp"

using interleave::ui::ConsoleModel;

TEST_CASE("lines keep their text and tags") {
    ConsoleModel m;
    m.add(1.5, 1, 2, "Thread 1: 0");
    m.add(2.0, 2, 3, "Thread 2: A");
    REQUIRE(m.size() == 2);
    CHECK(m.text(0) == "Thread 1: 0");
    CHECK(m.text(1) == "Thread 2: A");
    CHECK(m.line(1).task == 2);
    CHECK(m.line(1).worker == 3);
    CHECK(m.line(0).t_ms == doctest::Approx(1.5));
    m.clear();
    CHECK(m.size() == 0);
    CHECK(m.dropped() == 0);
}

TEST_CASE("filter is a case-insensitive substring match") {
    CHECK(ConsoleModel::matches("Thread 1: 0", ""));
    CHECK(ConsoleModel::matches("Thread 1: 0", "thread 1"));
    CHECK_FALSE(ConsoleModel::matches("Thread 1: 0", "thread 2"));
    CHECK_FALSE(ConsoleModel::matches("ab", "abc"));
    ConsoleModel m;
    m.add(0, 1, 1, "Thread 1: 0");
    m.add(0, 2, 2, "Thread 2: A");
    m.add(0, 1, 1, "Thread 1: 1");
    auto f = m.filtered("1:");
    REQUIRE(f.size() == 2);
    CHECK(f[0] == 0);
    CHECK(f[1] == 2);
}

TEST_CASE("the bound drops the oldest lines and counts them") {
    ConsoleModel m(100);
    for (int i = 0; i < 250; ++i) m.add(i, 1, 1, "line " + std::to_string(i));
    CHECK(m.size() <= 100);
    CHECK(m.dropped() + m.size() == 250);
    CHECK(m.text(m.size() - 1) == "line 249");
    // The first kept line is the one right after the dropped ones.
    CHECK(m.text(0) == "line " + std::to_string(m.dropped()));
}

TEST_CASE("copy gives time-stamped lines with worker names") {
    ConsoleModel m;
    m.add(1.25, 1, 1, "hello");
    std::vector<std::string> names{"MainThread", "Thread-1"};
    const std::string c = m.copy_text(&names);
    CHECK(c.find("1.250 ms") != std::string::npos);
    CHECK(c.find("Thread-1  hello\n") != std::string::npos);
}
