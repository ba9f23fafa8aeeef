// The format-spec mini-language (format_spec.hpp): CPython 3.11's outputs and error texts on
// known cases; random specs against python3 in test_num_format_diff.cpp.
#include <doctest/doctest.h>

#include <cmath>

#include "python/num/format_spec.hpp"

using namespace interleave::python;

namespace {

std::string I(int64_t v, const char* spec) {
    Result<std::string> r = format_int(v, spec);
    return r.ok() ? r.value : "E:" + r.error.message;
}

std::string F(double v, const char* spec) {
    Result<std::string> r = format_float(v, spec);
    return r.ok() ? r.value : "E:" + r.error.message;
}

std::string S(const char* v, const char* spec) {
    Result<std::string> r = format_str(v, spec);
    return r.ok() ? r.value : "E:" + r.error.message;
}

}  // namespace

TEST_CASE("format spec: ints" * doctest::timeout(10)) {
    CHECK(I(1234, "010,") == "00,001,234");
    CHECK(I(1234, "0=+12,") == "+000,001,234");
    CHECK(I(1234567, "_x") == "12_d687");
    CHECK(I(255, "#010x") == "0x000000ff");
    CHECK(I(255, "#X") == "0XFF");
    CHECK(I(-255, "#_b") == "-0b1111_1111");
    CHECK(I(123456, "08,d") == "0,123,456");
    CHECK(I(-1, "08_x") == "-00_0001");
    CHECK(I(1, "=^10") == "====1=====");
    CHECK(I(5, "x<05") == "5xxxx");
    CHECK(I(3, "=10") == "         3");
    CHECK(I(42, "+") == "+42");
    CHECK(I(42, " ") == " 42");
    CHECK(I(65, "c") == "A");
    CHECK(I(0x20AC, "^5c") == "  \xe2\x82\xac  ");
    CHECK(I(1234567, "n") == "1234567");
    CHECK(I(1, "%") == "100.000000%");
    CHECK(I(10, ".2e") == "1.00e+01");
    CHECK(I(7, "") == "7");
    const BigInt big = pow(BigInt::from_int64(10), BigInt::from_int64(30)).value;
    CHECK(format_int(big, ",").value == "1,000,000,000,000,000,000,000,000,000,000");
    CHECK(format_int(pow(BigInt::from_int64(10), BigInt::from_int64(5000)).value, "x").ok());
    CHECK(format_int(pow(BigInt::from_int64(10), BigInt::from_int64(5000)).value, "d").error.type ==
          ExcType::ValueError);
    CHECK(format_int(pow(BigInt::from_int64(2), BigInt::from_int64(64)).value, "c").error.message ==
          "Python int too large to convert to C long");
    CHECK(
        format_int(pow(BigInt::from_int64(2), BigInt::from_int64(2000)).value, "f").error.message ==
        "int too large to convert to float");
}

TEST_CASE("format spec: int errors" * doctest::timeout(10)) {
    CHECK(I(1, "abc") == "E:Invalid format specifier 'abc' for object of type 'int'");
    CHECK(format_int(int64_t{1}, "abc", "bool").error.message ==
          "Invalid format specifier 'abc' for object of type 'bool'");
    CHECK(I(1, ".") == "E:Format specifier missing precision");
    CHECK(I(1, ".2") == "E:Precision not allowed in integer format specifier");
    CHECK(I(1, ",_") == "E:Cannot specify both ',' and '_'.");
    CHECK(I(1, "_,") == "E:Cannot specify both ',' and '_'.");
    CHECK(I(1, ",x") == "E:Cannot specify ',' with 'x'.");
    CHECK(I(1, "_n") == "E:Cannot specify '_' with 'n'.");
    CHECK(I(1, "z") == "E:Negative zero coercion (z) not allowed in integer format specifier");
    CHECK(I(65, "+c") == "E:Sign not allowed with integer format specifier 'c'");
    CHECK(I(65, "#c") == "E:Alternate form (#) not allowed with integer format specifier 'c'");
    CHECK(I(-1, "c") == "E:%c arg not in range(0x110000)");
    CHECK(I(1, "\x01") == "E:Unknown format code '\\x1' for object of type 'int'");
    CHECK(I(1, "\xc3\xa9") == "E:Unknown format code '\\xe9' for object of type 'int'");
    CHECK(I(1, "q") == "E:Unknown format code 'q' for object of type 'int'");
    CHECK(I(1, "99999999999999999999") == "E:Too many decimal digits in format string");
    CHECK(format_int(int64_t{1}, "999999999").error.type == ExcType::MemoryError);
}

TEST_CASE("format spec: floats" * doctest::timeout(10)) {
    CHECK(F(-1234.5, "_^+15.2f") == "___-1234.50____");
    CHECK(F(1e20, "n") == "1e+20");
    CHECK(F(12.5, "%") == "1250.000000%");
    CHECK(F(12.5, ".0%") == "1250%");
    CHECK(F(1.0, "") == "1.0");
    CHECK(F(1.0, ".3") == "1.0");
    CHECK(F(123456789.0, ".3") == "1.23e+08");
    CHECK(F(1e16, "") == "1e+16");
    CHECK(F(1.0, "10") == "       1.0");
    CHECK(F(-0.0, "z.1f") == "0.0");
    CHECK(F(-0.0, "") == "-0.0");
    CHECK(F(1.5, "#") == "1.5");
    CHECK(F(1.0, "#.0f") == "1.");
    CHECK(F(1.0, "#g") == "1.00000");
    CHECK(F(1.5, "e") == "1.500000e+00");
    CHECK(F(NAN, "+08.2f") == "+0000nan");
    CHECK(F(INFINITY, "010") == "0000000inf");
    CHECK(F(1.0, ",.2f") == "1.00");
    CHECK(F(1234.5, "_g") == "1_234.5");
    CHECK(F(1234567.891, ",") == "1,234,567.891");
    CHECK(F(3.14159, "8.3f") == "   3.142");
    CHECK(F(3.14159, "<8.3f") == "3.142   ");
    CHECK(F(0.1, "0.20f") == "0.10000000000000000555");
    CHECK(F(1.5, "x") == "E:Unknown format code 'x' for object of type 'float'");
    CHECK(F(1.5, "d") == "E:Unknown format code 'd' for object of type 'float'");
    CHECK(F(1.5, "c") == "E:Unknown format code 'c' for object of type 'float'");
    CHECK(F(1.0, ".2147483648f") == "E:precision too big");
    CHECK(F(1.0, ".99999999999999999999f") == "E:Too many decimal digits in format string");
}

TEST_CASE("format spec: strings by code points" * doctest::timeout(10)) {
    CHECK(S("h\xc3\xa9llo", "*^11.3") == "****h\xc3\xa9l****");
    CHECK(S("abc", ".0") == "");
    CHECK(S("x", "0>5") == "0000x");
    CHECK(S("x", "05") == "x0000");
    CHECK(S("x", "\xe2\x82\xac>3") == "\xe2\x82\xac\xe2\x82\xacx");
    CHECK(S("\xf0\x9f\x98\x80", "^3") == " \xf0\x9f\x98\x80 ");
    CHECK(S("abc", "") == "abc");
    CHECK(S("abc", "s") == "abc");
    CHECK(S("a", ",") == "E:Cannot specify ',' with 's'.");
    CHECK(S("a", "+") == "E:Sign not allowed in string format specifier");
    CHECK(S("a", " ") == "E:Space not allowed in string format specifier");
    CHECK(S("a", "z") == "E:Negative zero coercion (z) not allowed in string format specifier");
    CHECK(S("a", "#") == "E:Alternate form (#) not allowed in string format specifier");
    CHECK(S("a", "=5") == "E:'=' alignment not allowed in string format specifier");
    CHECK(S("a", "c") == "E:Unknown format code 'c' for object of type 'str'");
    CHECK(S("a", "\xd9\xa5") == "a    ");  // an Arabic-Indic 5 is a width
}
