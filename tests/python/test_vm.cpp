// The VM end to end: programs compiled and run without an engine run, their output compared
// with what CPython 3.11 prints.
#include <doctest/doctest.h>

#include "py_test_util.hpp"

using interleave::python::testing::run_source;

namespace {

std::string out_of(const std::string& src) {
    auto r = run_source(src);
    INFO(r.compile_error << r.err);
    return r.out;
}

}  // namespace

TEST_CASE("arithmetic, text and containers print as CPython" * doctest::timeout(30)) {
    CHECK(out_of("print(1 + 2, 7 // 2, -7 // 2, 7 % -3, 2 ** 100)\n") ==
          "3 3 -4 -2 1267650600228229401496703205376\n");
    CHECK(out_of("print(0.1 + 0.2, 1e16, 1e-5, 3 / 2, float('inf'))\n") ==
          "0.30000000000000004 1e+16 1e-05 1.5 inf\n");
    CHECK(out_of("print([1, 'a', (2,), {'k': None}], {1, 2}, ())\n") ==
          "[1, 'a', (2,), {'k': None}] {1, 2} ()\n");
    CHECK(out_of("s = 'héllo'\nprint(len(s), s[1], s[::-1], s.upper())\n") == "5 é olléh HÉLLO\n");
    CHECK(out_of("print(f'{3.14159:.2f}|{42:>5}|{\"x\"!r}|{255:#x}')\n") == "3.14|   42|'x'|0xff\n");
    CHECK(out_of("print('%s-%d-%05.1f' % ('a', 7, 2.25))\n") == "a-7-002.2\n");
}

TEST_CASE("functions, closures, classes and generators" * doctest::timeout(30)) {
    CHECK(out_of(R"(
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=8))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); print(c())
class A:
    def __init__(self, x): self.x = x
    def __repr__(self): return f'A({self.x})'
class B(A):
    def __init__(self, x): super().__init__(x * 2)
print(B(3), isinstance(B(1), A), B.__mro__[1].__name__)
def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(4)), sum(gen(5)))
)") == "(1, 2, (), 3, 4, [])\n(1, 5, (6, 7), 3, 4, [('e', 8)])\n2\nA(6) True A\n[0, 1, 4, 9] 30\n");
}

TEST_CASE("argument errors use CPython's messages" * doctest::timeout(30)) {
    auto r = run_source("def f(a, b): pass\nf(1)\n");
    CHECK(r.result.exit_code == 1);
    CHECK(r.err.find("TypeError: f() missing 1 required positional argument: 'b'") != std::string::npos);
    r = run_source("def f(a): pass\nf(1, 2)\n");
    CHECK(r.err.find("TypeError: f() takes 1 positional argument but 2 were given") != std::string::npos);
}

TEST_CASE("exceptions: handlers, finally, chaining and the traceback" * doctest::timeout(30)) {
    CHECK(out_of(R"(
try:
    try:
        1 / 0
    finally:
        print('finally')
except ZeroDivisionError as e:
    print('caught', e)
def g():
    try:
        raise KeyError('k')
    except KeyError as e:
        raise ValueError('v') from e
try:
    g()
except ValueError as e:
    print(repr(e), repr(e.__cause__))
)") == "finally\ncaught division by zero\nValueError('v') KeyError('k')\n");
    auto r = run_source("def f(x):\n    return x / 0\nf(1)\n");
    CHECK(r.result.exit_code == 1);
    CHECK(r.err ==
          "Traceback (most recent call last):\n"
          "  File \"<main>\", line 3, in <module>\n"
          "    f(1)\n"
          "  File \"<main>\", line 2, in f\n"
          "    return x / 0\n"
          "           ~~^~~\n"
          "ZeroDivisionError: division by zero\n");
}

TEST_CASE("sys.exit gives the exit status; uncaught SystemExit prints nothing" * doctest::timeout(30)) {
    auto r = run_source("import sys\nprint('a')\nsys.exit(3)\n");
    CHECK(r.out == "a\n");
    CHECK(r.result.exit_code == 3);
    CHECK(r.err.empty());
    r = run_source("import sys\nsys.exit('bye')\n");
    CHECK(r.result.exit_code == 1);
    CHECK(r.err == "bye\n");
}

TEST_CASE("RecursionError at the recursion limit, not a native stack overflow" * doctest::timeout(60)) {
    auto r = run_source("def f(n): return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(e)\n");
    CHECK(r.out == "maximum recursion depth exceeded\n");
    // Native re-entries (a __repr__ calling repr) are capped too.
    r = run_source("class R:\n    def __repr__(self): return repr(self)\ntry:\n    repr(R())\nexcept RecursionError:\n    print('ok')\n");
    CHECK(r.out == "ok\n");
}

TEST_CASE("a syntax error is reported as CPython does" * doctest::timeout(30)) {
    auto r = run_source("x = (1,\n");
    CHECK(r.result.exit_code == 1);
    CHECK(r.compile_error.find("SyntaxError: '(' was never closed") != std::string::npos);
}
