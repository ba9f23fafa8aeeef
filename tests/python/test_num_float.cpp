// float text and arithmetic (float_format.hpp, float_ops.hpp): CPython 3.11's outputs and
// error texts on known values. Runs natively and in wasm (where the C library is musl's).
#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <cstring>

#include "python/num/float_format.hpp"
#include "python/num/float_ops.hpp"

using namespace interleave::python;

TEST_CASE("float repr: shortest round-trip digits in repr's layout" * doctest::timeout(10)) {
    CHECK(float_repr(0.1 + 0.2) == "0.30000000000000004");
    CHECK(float_repr(1e-5) == "1e-05");
    CHECK(float_repr(0.0001) == "0.0001");
    CHECK(float_repr(1e16) == "1e+16");
    CHECK(float_repr(9999999999999998.0) == "9999999999999998.0");
    CHECK(float_repr(1.5e300) == "1.5e+300");
    CHECK(float_repr(1.0) == "1.0");
    CHECK(float_repr(100.0) == "100.0");
    CHECK(float_repr(-0.0) == "-0.0");
    CHECK(float_repr(0.0) == "0.0");
    CHECK(float_repr(INFINITY) == "inf");
    CHECK(float_repr(-INFINITY) == "-inf");
    CHECK(float_repr(std::nan("")) == "nan");
    CHECK(float_repr(-std::nan("")) == "nan");
    CHECK(float_repr(5e-324) == "5e-324");
    CHECK(float_repr(DBL_MAX) == "1.7976931348623157e+308");
    CHECK(float_repr(2e16 + 8) == "2.000000000000001e+16");
    CHECK(float_repr(123.456) == "123.456");
    CHECK(float_repr(1.0 / 3.0) == "0.3333333333333333");
    CHECK(float_repr(2.0 / 3.0) == "0.6666666666666666");
    CHECK(float_repr(std::ldexp(1.0, -1022)) == "2.2250738585072014e-308");
    CHECK(float_repr(std::ldexp(1.0, 100)) == "1.2676506002282294e+30");
    CHECK(float_repr(0.6394267984578837) == "0.6394267984578837");
}

TEST_CASE("float format codes through double_to_string" * doctest::timeout(10)) {
    CHECK(double_to_string(3.14159, 'f', 2, 0) == "3.14");
    CHECK(double_to_string(2.5, 'f', 0, 0) == "2");
    CHECK(double_to_string(0.125, 'f', 2, 0) == "0.12");  // exact tie: half-even
    CHECK(double_to_string(-0.001, 'f', 2, 0) == "-0.00");
    CHECK(double_to_string(-0.001, 'f', 2, dtsf::no_neg_0) == "0.00");
    CHECK(double_to_string(1234.5, 'e', 3, 0) == "1.234e+03");  // 1234.5 -> 1.2345e3, tie
    CHECK(double_to_string(1e-300, 'E', 2, 0) == "1.00E-300");
    CHECK(double_to_string(1234567.0, 'g', 6, 0) == "1.23457e+06");
    CHECK(double_to_string(0.0001, 'g', 6, 0) == "0.0001");
    CHECK(double_to_string(0.00001, 'g', 6, 0) == "1e-05");
    CHECK(double_to_string(1.5, 'g', 6, dtsf::alt) == "1.50000");
    CHECK(double_to_string(1.0, 'g', 0, 0) == "1");
    CHECK(double_to_string(1.0, 'r', 0, dtsf::add_dot_0 | dtsf::sign) == "+1.0");
    CHECK(double_to_string(INFINITY, 'F', 2, 0) == "INF");
    CHECK(double_to_string(-INFINITY, 'f', 2, dtsf::sign) == "-inf");
    CHECK(double_to_string(std::nan(""), 'e', 2, dtsf::sign) == "+nan");
    FloatKind kind = FloatKind::finite;
    (void)double_to_string(std::nan(""), 'g', 2, 0, &kind);
    CHECK(kind == FloatKind::nan);
    CHECK(double_to_string(1e300, 'f', 0, 0).size() == 301);
    CHECK(double_to_string(0.1, 'f', 60, 0) ==
          "0.100000000000000005551115123125782702118158340454101562500000");
}

TEST_CASE("float(text) follows PyFloat_FromString" * doctest::timeout(10)) {
    CHECK(parse_float("1.5").value == 1.5);
    CHECK(parse_float("  -1_000.25e-1_0 \n").value == -1000.25e-10);
    CHECK(parse_float(".5").value == 0.5);
    CHECK(parse_float("5.").value == 5.0);
    CHECK(parse_float("1e400").value == INFINITY);
    CHECK(std::signbit(parse_float("-0").value));
    CHECK(parse_float("-iNfInItY").value == -INFINITY);
    CHECK(std::isnan(parse_float("+nan").value));
    CHECK(parse_float("\xd9\xa3.\xd9\xa5").value == 3.5);  // Arabic-Indic digits
    CHECK(parse_float("\xe3\x80\x80"
                      "2")
              .value == 2.0);  // ideographic space
    CHECK(parse_float("0.1").value == 0.1);
    CHECK(parse_float("2.2250738585072011e-308").value == std::ldexp(0xfffffffffffff.0p0, -1074));
    const char* bad[] = {"",      " ",    "1_",   "_1", "1__0", "1._5", "1e", "1e+",
                         "0x1p3", "infi", "nan1", ".",  "e5",   "1 2",  "--1"};
    for (const char* text : bad) {
        Result<double> r = parse_float(text);
        CHECK_MESSAGE(r.error.type == ExcType::ValueError, text);
    }
    CHECK(parse_float("abc").error.message == "could not convert string to float: 'abc'");
    CHECK(parse_float("it's").error.message == "could not convert string to float: \"it's\"");
    CHECK(parse_float("x", TextKind::bytes).error.message ==
          "could not convert string to float: b'x'");
    CHECK(parse_float(std::string_view("1\0", 2)).error.message ==
          "could not convert string to float: '1\\x00'");
}

TEST_CASE("float arithmetic: signs, zero divisors, pow" * doctest::timeout(10)) {
    CHECK(float_mod(-7.5, 2.0).value == 0.5);
    CHECK(float_mod(7.5, -2.0).value == -0.5);
    CHECK(std::signbit(float_mod(4.0, -2.0).value));
    CHECK(float_floordiv(-7.5, 2.0).value == -4.0);
    CHECK(float_divmod(1.0, 0.1).value.quotient == 9.0);
    CHECK(float_mod(1.0, 0.0).error.message == "float modulo");
    CHECK(float_floordiv(1.0, 0.0).error.message == "float floor division by zero");
    CHECK(float_divmod(1.0, 0.0).error.message == "float divmod()");
    CHECK(float_truediv(1.0, 0.0).error.message == "float division by zero");
    CHECK(float_pow(0.0, -1.0).error.message == "0.0 cannot be raised to a negative power");
    CHECK(float_pow(10.0, 400.0).error.message == "(34, 'Numerical result out of range')");
    CHECK(float_pow(10.0, 400.0).error.type == ExcType::OverflowError);
    CHECK(float_pow(10.0, -400.0).value == 0.0);
    CHECK(float_pow(-2.0, 3.0).value == -8.0);
    CHECK(float_pow(-1.0, 1e300).value == 1.0);
    bool complex_result = false;
    (void)float_pow(-8.0, 1.0 / 3.0, &complex_result);
    CHECK(complex_result);
    CHECK(float_pow(std::nan(""), 0.0).value == 1.0);
    CHECK(float_pow(1.0, std::nan("")).value == 1.0);
    CHECK(float_pow(-INFINITY, 3.0).value == -INFINITY);
    CHECK(float_pow(2.0, 0.5).value == std::sqrt(2.0));
}

TEST_CASE("round(): correctly rounded, half-even" * doctest::timeout(10)) {
    CHECK(float_round(2.675, 2).value == 2.67);
    CHECK(float_round(0.125, 2).value == 0.12);
    CHECK(float_round(0.375, 2).value == 0.38);
    CHECK(float_round(1234.5678, -2).value == 1200.0);
    CHECK(float_round(1250.0, -2).value == 1200.0);
    CHECK(float_round(1350.0, -2).value == 1400.0);
    CHECK(std::signbit(float_round(-0.4, 0).value));
    CHECK(float_round(0.5, 400).value == 0.5);
    CHECK(std::signbit(float_round(-5.0, -400).value));
    CHECK(float_round(1.7976931348623157e308, -308).error.message ==
          "rounded value too large to represent");
    CHECK(float_round(0.1958, 6).value == 0.1958);
    CHECK(float_round_to_int(0.5).value.is_zero());
    CHECK(float_round_to_int(1.5).value == BigInt::from_int64(2));
    CHECK(float_round_to_int(2.5).value == BigInt::from_int64(2));
    CHECK(float_round_to_int(-2.5).value == BigInt::from_int64(-2));
    CHECK(float_round_to_int(1e20).value.to_decimal().value == "100000000000000000000");
    CHECK(float_round_to_int(INFINITY).error.message == "cannot convert float infinity to integer");
    CHECK(float_round_to_int(std::nan("")).error.message == "cannot convert float NaN to integer");
}

TEST_CASE("float hash, ratio, hex, integer checks" * doctest::timeout(10)) {
    CHECK(hash_double(0.5) == 1152921504606846976);
    CHECK(hash_double(1.0) == 1);
    CHECK(hash_double(-1.0) == -2);
    CHECK(hash_double(0.0) == 0);
    CHECK(hash_double(-0.0) == 0);
    CHECK(hash_double(1e100) == 1822893315824342674);
    CHECK(hash_double(INFINITY) == 314159);
    CHECK(hash_double(-INFINITY) == -314159);
    CHECK(hash_double(std::nan(""), 0x1000) == hash_pointer(0x1000));
    CHECK(hash_pointer(0x1000) == 0x100);
    CHECK(hash_pointer(0xF) == static_cast<int64_t>(0xF000000000000000ull));
    CHECK(float_is_integer(3.0));
    CHECK_FALSE(float_is_integer(3.5));
    CHECK_FALSE(float_is_integer(INFINITY));
    IntegerRatio r = float_as_integer_ratio(-0.75).value;
    CHECK(r.numerator == BigInt::from_int64(-3));
    CHECK(r.denominator == BigInt::from_int64(4));
    CHECK(float_as_integer_ratio(INFINITY).error.message ==
          "cannot convert Infinity to integer ratio");
    CHECK(float_as_integer_ratio(std::nan("")).error.message ==
          "cannot convert NaN to integer ratio");
    CHECK(float_hex(0.1) == "0x1.999999999999ap-4");
    CHECK(float_hex(-0.0) == "-0x0.0p+0");
    CHECK(float_hex(5e-324) == "0x0.0000000000001p-1022");
    CHECK(float_hex(1.0) == "0x1.0000000000000p+0");
    CHECK(float_fromhex("0x1.999999999999ap-4").value == 0.1);
    CHECK(float_fromhex(" -0X1P+3 ").value == -8.0);
    CHECK(float_fromhex("0x1.fffffffffffff8p1023").error.message ==
          "hexadecimal value too large to represent as a float");
    CHECK(float_fromhex("0x1g").error.message == "invalid hexadecimal floating-point string");
    CHECK(compare_int64_double(9007199254740993, 9007199254740992.0) == 1);
    CHECK(compare_int64_double(-9007199254740993, -9007199254740992.0) == -1);
    CHECK(compare_int64_double(3, std::nan("")) == 2);
}

TEST_CASE("float repr: the portable digit search agrees with to_chars" * doctest::timeout(120)) {
    // Natively this checks the Emscripten path (printf + strtod search) against std::to_chars
    // on random bit patterns, decimals and every power of two; under Emscripten both calls take
    // the portable path.
    uint64_t state = 12345;
    auto next = [&] {
        state ^= state << 13, state ^= state >> 7, state ^= state << 17;
        return state;
    };
    int mismatches = 0;
    auto check = [&](double x) {
        if (!std::isfinite(x)) return;
        const DecimalDigits a = shortest_digits(x), b = shortest_digits_portable(x);
        if (a.digits != b.digits || a.decpt != b.decpt || a.negative != b.negative) {
            if (++mismatches <= 5)
                MESSAGE("x = " << float_repr(x) << ": " << a.digits << " vs " << b.digits);
        }
    };
    for (int e = -1074; e <= 1023; ++e) check(std::ldexp(1.0, e));
    for (int i = 0; i < 50000; ++i) {
        uint64_t bits = next();
        double d;
        std::memcpy(&d, &bits, 8);
        check(d);
        check(static_cast<double>(static_cast<int64_t>(next() % 2000001) - 1000000) / 1000.0);
    }
    CHECK(mismatches == 0);
}
