// printf-style formatting (percent_format.hpp): CPython 3.11's outputs and errors on known
// cases; random formats against python3 in test_num_percent_diff.cpp.
#include <doctest/doctest.h>

#include <cmath>

#include "test_num_percent.hpp"

using namespace interleave::python;
using num_test::PyVal;
using num_test::TestArgs;

namespace {

std::string fmt(const char* format, std::vector<PyVal> items) {
    TestArgs args;
    args.items = std::move(items);
    Result<std::string> r = percent_format(format, args);
    return r.ok() ? r.value
                  : std::string("E:") + exc_type_name(r.error.type) + ":" + r.error.message;
}

std::string fmt1(const char* format, PyVal item) {
    TestArgs args;
    args.shape = TestArgs::Shape::single;
    args.items = {std::move(item)};
    Result<std::string> r = percent_format(format, args);
    return r.ok() ? r.value
                  : std::string("E:") + exc_type_name(r.error.type) + ":" + r.error.message;
}

std::string fmtd(const char* format, std::map<std::string, PyVal> dict) {
    TestArgs args;
    args.shape = TestArgs::Shape::dict;
    args.dict = std::move(dict);
    Result<std::string> r = percent_format(format, args);
    return r.ok() ? r.value
                  : std::string("E:") + exc_type_name(r.error.type) + ":" + r.error.message;
}

}  // namespace

TEST_CASE("percent format: conversions and flags" * doctest::timeout(10)) {
    CHECK(fmt("%s %5.2f %-3d %x %r %%", {std::string("a"), 3.14159, int64_t{7}, int64_t{255},
                                         std::string("b")}) == "a  3.14 7   ff 'b' %");
    CHECK(fmt1("%#5x", int64_t{255}) == " 0xff");
    CHECK(fmt1("%#05x", int64_t{255}) == "0x0ff");
    CHECK(fmt1("%-#8o", int64_t{8}) == "0o10    ");
    CHECK(fmt1("%+05d", int64_t{-3}) == "-0003");
    CHECK(fmt1("% d", int64_t{3}) == " 3");
    CHECK(fmt1("%.3s", std::string("abcdef")) == "abc");
    CHECK(fmt1("%05s", std::string("a")) == "    a");
    CHECK(fmt1("%-5c|", std::string("x")) == "x    |");
    CHECK(fmt1("%#X", int64_t{255}) == "0XFF");
    CHECK(fmt1("%.5d", int64_t{-42}) == "-00042");
    CHECK(fmt1("%+.3e", 12345.678) == "+1.235e+04");
    CHECK(fmt1("%#.0f", 1.0) == "1.");
    CHECK(fmt1("%5.1f%%", 99.95) == "100.0%");
    CHECK(fmt1("%ld", int64_t{5}) == "5");
    CHECK(fmt1("%d", true) == "1");
    CHECK(fmt1("%s", true) == "True");
    CHECK(fmt1("%r", std::string("x")) == "'x'");
    CHECK(fmt1("%a", std::string("\xc3\xa9")) == "'\\xe9'");
    CHECK(fmt1("%d", 1.7) == "1");
    CHECK(fmt1("%c", int64_t{0x20AC}) == "\xe2\x82\xac");
    CHECK(fmt1("%3c", std::string("\xc3\xa9")) == "  \xc3\xa9");
    CHECK(fmt1("%s", num_test::ListStub{}) == "[1, 2]");
    CHECK(fmt("%*d|%-*d|%.*f", {int64_t{5}, int64_t{1}, int64_t{-4}, int64_t{2}, int64_t{2},
                                3.14159}) == "    1|2   |3.14");
    CHECK(fmtd("%(name)s is %(age)03d", {{"name", std::string("Ann")}, {"age", int64_t{7}}}) ==
          "Ann is 007");
    CHECK(fmtd("%(a)s%%", {{"a", int64_t{1}}}) == "1%");
    CHECK(fmtd("%s", {{"a", int64_t{1}}}) == "[1, 2]");  // the dict itself
    CHECK(fmt("h\xc3\xa9 %s!", {std::string("x")}) == "h\xc3\xa9 x!");
}

TEST_CASE("percent format: CPython's error texts" * doctest::timeout(10)) {
    CHECK(fmt("%s %s", {int64_t{1}}) == "E:TypeError:not enough arguments for format string");
    CHECK(fmt("%s", {int64_t{1}, int64_t{2}}) ==
          "E:TypeError:not all arguments converted during string formatting");
    CHECK(fmt1("%f", std::string("a")) == "E:TypeError:must be real number, not str");
    CHECK(fmt1("%d", std::string("a")) ==
          "E:TypeError:%d format: a real number is required, not str");
    CHECK(fmt1("%x", 1.5) == "E:TypeError:%x format: an integer is required, not float");
    CHECK(fmt1("%d", num_test::ListStub{}) ==
          "E:TypeError:%d format: a real number is required, not list");
    CHECK(fmt1("%d", INFINITY) == "E:OverflowError:cannot convert float infinity to integer");
    CHECK(fmt1("%c", std::string("ab")) == "E:TypeError:%c requires int or char");
    CHECK(fmt1("%c", 1.5) == "E:TypeError:%c requires int or char");
    CHECK(fmt1("%c", int64_t{-1}) == "E:OverflowError:%c arg not in range(0x110000)");
    CHECK(fmt("%*d", {std::string("a"), int64_t{1}}) == "E:TypeError:* wants int");
    CHECK(fmt1("%y", int64_t{1}) ==
          "E:ValueError:unsupported format character 'y' (0x79) at index 1");
    CHECK(fmt1("ab%\xc3\xa9", int64_t{1}) ==
          "E:ValueError:unsupported format character '?' (0xe9) at index 3");
    CHECK(fmt("%z", {}) == "E:TypeError:not enough arguments for format string");
    CHECK(fmt1("%", int64_t{1}) == "E:ValueError:incomplete format");
    CHECK(fmt1("%5", int64_t{1}) == "E:ValueError:incomplete format");
    CHECK(fmt1("%(a)s", int64_t{1}) == "E:TypeError:format requires a mapping");
    CHECK(fmtd("%(a", {}) == "E:ValueError:incomplete format key");
    CHECK(fmtd("%(a)*d", {{"a", int64_t{5}}}) ==
          "E:TypeError:not enough arguments for format string");
    CHECK(fmtd("%(a)s %s", {{"a", int64_t{5}}}) ==
          "E:TypeError:not enough arguments for format string");
    CHECK(fmtd("%(b)s", {{"a", int64_t{5}}}) == "E:pending:");  // the VM raises KeyError('b')
    const BigInt big = pow(BigInt::from_int64(10), BigInt::from_int64(5000)).value;
    CHECK(fmt1("%s", big).find("E:ValueError:Exceeds the limit (4300 digits)") == 0);
    CHECK(fmt1("%x", big).size() == 4153);
}

namespace {

std::string bfmt(std::string_view format, std::vector<PyVal> items) {
    TestArgs args;
    args.items = std::move(items);
    Result<std::string> r = percent_format_bytes(format, args);
    return r.ok() ? r.value
                  : std::string("E:") + exc_type_name(r.error.type) + ":" + r.error.message;
}

}  // namespace

TEST_CASE("bytes % args: raw bytes in and out, PEP 461's conversions and CPython 3.11's texts") {
    using num_test::BytesVal;
    CHECK(bfmt("%d|%5x|%-4s|%b", {int64_t{5}, int64_t{255}, BytesVal{"ab"}, BytesVal{"\xff"}}) ==
          "5|   ff|ab  |\xff");
    CHECK(bfmt("\xe9%s\x80", {BytesVal{std::string("\0\x81", 2)}}) ==
          std::string("\xe9\0\x81\x80", 4));  // no UTF-8 decoding of format or argument
    CHECK(bfmt("%r %a", {std::string("caf\xc3\xa9"), BytesVal{"x"}}) == "'caf\\xe9' b'x'");
    CHECK(bfmt("%c%c|%3c", {int64_t{65}, BytesVal{"B"}, int64_t{120}}) == "AB|  x");
    CHECK(bfmt("%.1s", {BytesVal{"xyz"}}) == "x");
    CHECK(bfmt("%s", {std::string("text")}) ==
          "E:TypeError:%b requires a bytes-like object, or an object that implements "
          "__bytes__, not 'str'");
    CHECK(bfmt("%c", {int64_t{256}}) == "E:OverflowError:%c arg not in range(256)");
    CHECK(bfmt("%c", {BytesVal{"ab"}}) ==
          "E:TypeError:%c requires an integer in range(256) or a single byte");
    CHECK(bfmt("%f", {std::string("x")}) == "E:TypeError:float argument required, not str");
    CHECK(bfmt("%d", {int64_t{1}, int64_t{2}}) ==
          "E:TypeError:not all arguments converted during bytes formatting");
    CHECK(bfmt("%.99999999999f", {1.0}) == "E:ValueError:prec too big");
    CHECK(bfmt("%y", {int64_t{1}}) == "E:ValueError:unsupported format character 'y' (0x79) at index 1");
    CHECK(bfmt("%\xe9", {int64_t{1}}) ==
          "E:OverflowError:character argument not in range(0x110000)");
    CHECK(fmt("%b", {int64_t{1}}) ==  // %b is bytes formatting's only
          "E:ValueError:unsupported format character 'b' (0x62) at index 1");
}
