// BigInt (src/python/num/bigint.hpp): known values and CPython 3.11's exact error texts. The
// random differential tests against python3 are in test_num_bigint_diff.cpp.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "python/num/bigint.hpp"
#include "python/num/int_ops.hpp"

using namespace interleave::python;

namespace {

BigInt I(const char* text) {
    Result<BigInt> r = BigInt::from_text(text, 0, TextKind::str, 0);
    REQUIRE_MESSAGE(r.ok(), r.error.message);
    return r.value;
}

std::string S(const BigInt& v) {
    Result<std::string> r = v.to_decimal(0);
    REQUIRE(r.ok());
    return r.value;
}

std::string parse_error(std::string_view text, int base, TextKind kind = TextKind::str) {
    Result<BigInt> r = BigInt::from_text(text, base, kind);
    REQUIRE(!r.ok());
    return r.error.message;
}

}  // namespace

TEST_CASE("bigint: construction from machine ints and floats" * doctest::timeout(10)) {
    CHECK(S(BigInt::from_int64(0)) == "0");
    CHECK(S(BigInt::from_int64(INT64_MIN)) == "-9223372036854775808");
    CHECK(S(BigInt::from_uint64(UINT64_MAX)) == "18446744073709551615");
    CHECK(S(BigInt::from_double(-2.75).value) == "-2");
    CHECK(S(BigInt::from_double(1e300).value) ==
          "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786"
          "3713750804478640437044438328838781769425232353604305756447921847867069828483872009265"
          "7580373783023379478809005936895323497079994508111903896764088007465274278014249457925"
          "8788820056842838115669472196386865459400540160");
    CHECK(BigInt::from_double(-0.0).value.is_zero());
    Result<BigInt> nan = BigInt::from_double(std::nan(""));
    CHECK(nan.error.type == ExcType::ValueError);
    CHECK(nan.error.message == "cannot convert float NaN to integer");
    Result<BigInt> inf = BigInt::from_double(-INFINITY);
    CHECK(inf.error.type == ExcType::OverflowError);
    CHECK(inf.error.message == "cannot convert float infinity to integer");
    int64_t v = 0;
    CHECK(I("-9223372036854775808").to_int64(&v));
    CHECK(v == INT64_MIN);
    CHECK_FALSE(I("9223372036854775808").to_int64(&v));
}

TEST_CASE("bigint: int(text, base) follows PyLong_FromString" * doctest::timeout(10)) {
    CHECK(S(BigInt::from_text("  12_3  ", 10).value) == "123");
    CHECK(S(BigInt::from_text(" +0x1f ", 16).value) == "31");
    CHECK(S(BigInt::from_text("0b_1", 0).value) == "1");
    CHECK(S(BigInt::from_text("0_0", 0).value) == "0");
    CHECK(S(BigInt::from_text("00", 0).value) == "0");
    CHECK(S(BigInt::from_text("Z", 36).value) == "35");
    CHECK(S(BigInt::from_text("-0o777", 0).value) == "-511");
    CHECK(S(BigInt::from_text("\u0663\u0662", 10).value) == "32");   // Arabic-Indic digits
    CHECK(S(BigInt::from_text("\u3000 7\u00a0", 10).value) == "7");  // Unicode spaces
    CHECK(parse_error("0x", 10) == "invalid literal for int() with base 10: '0x'");
    CHECK(parse_error("1__2", 10) == "invalid literal for int() with base 10: '1__2'");
    CHECK(parse_error("_1", 10) == "invalid literal for int() with base 10: '_1'");
    CHECK(parse_error("1_", 10) == "invalid literal for int() with base 10: '1_'");
    CHECK(parse_error("010", 0) == "invalid literal for int() with base 0: '010'");
    CHECK(parse_error("", 0) == "invalid literal for int() with base 0: ''");
    CHECK(parse_error("-", 0) == "invalid literal for int() with base 0: '-'");
    CHECK(parse_error("1 2", 10) == "invalid literal for int() with base 10: '1 2'");
    CHECK(parse_error("\x1c"
                      "5",
                      10) == "invalid literal for int() with base 10: '\\x1c5'");
    CHECK(parse_error("\xc3\xa9", 10) == "invalid literal for int() with base 10: '\xc3\xa9'");
    CHECK(parse_error(std::string_view("1\0", 2), 10) ==
          "invalid literal for int() with base 10: '1\\x00'");
    CHECK(parse_error("12x", 10, TextKind::bytes) ==
          "invalid literal for int() with base 10: b'12x'");
    CHECK(parse_error("it's", 10) == "invalid literal for int() with base 10: \"it's\"");
    CHECK(parse_error("1", 37) == "int() base must be >= 2 and <= 36, or 0");
    CHECK(parse_error("1", 1) == "int() base must be >= 2 and <= 36, or 0");
    // %.200R: the repr is cut after 200 characters.
    const std::string long_x(300, 'x');
    CHECK(parse_error(long_x, 10) ==
          "invalid literal for int() with base 10: '" + std::string(199, 'x'));
}

TEST_CASE("bigint: the 4300-digit limit in both directions" * doctest::timeout(10)) {
    const std::string ones(5000, '1');
    Result<BigInt> big = BigInt::from_text(ones, 10);
    CHECK(big.error.type == ExcType::ValueError);
    CHECK(big.error.message ==
          "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
          "use sys.set_int_max_str_digits() to increase the limit");
    CHECK(BigInt::from_text(ones + "x", 10).error.message == big.error.message);
    CHECK(BigInt::from_text(ones, 16).ok());  // power-of-two bases are not limited
    CHECK(BigInt::from_text(ones, 10, TextKind::str, 0).ok());
    CHECK(BigInt::from_text(std::string(4300, '9'), 10).ok());

    const BigInt ten = BigInt::from_int64(10);
    const BigInt p4299 = pow(ten, BigInt::from_int64(4299)).value;
    CHECK(p4299.to_decimal().value.size() == 4300);
    const char* to_str =
        "Exceeds the limit (4300 digits) for integer string conversion; use "
        "sys.set_int_max_str_digits() to increase the limit";
    CHECK(pow(ten, BigInt::from_int64(4300)).value.to_decimal().error.message == to_str);
    CHECK((-pow(ten, BigInt::from_int64(4300)).value).to_decimal().error.message == to_str);
    CHECK((-p4299).to_decimal().value.size() == 4301);  // the sign does not count
    CHECK(pow(ten, BigInt::from_int64(100000)).value.to_decimal().error.message == to_str);
    CHECK(pow(ten, BigInt::from_int64(4300)).value.to_decimal(5000).ok());
}

TEST_CASE("bigint: division, modulo and true division" * doctest::timeout(10)) {
    CHECK(S(floordiv(I("-7"), I("2")).value) == "-4");
    CHECK(S(mod(I("-7"), I("2")).value) == "1");
    CHECK(S(mod(I("7"), I("-2")).value) == "-1");
    CHECK(floordiv(I("1"), I("0")).error.message == "integer division or modulo by zero");
    CHECK(mod(I("1"), I("0")).error.message == "integer modulo by zero");
    CHECK(divmod(I("1"), I("0")).error.type == ExcType::ZeroDivisionError);
    CHECK(true_divide(I("1"), I("0")).error.message == "division by zero");
    CHECK(true_divide(I("1"), I("3")).value == 1.0 / 3.0);
    CHECK(std::signbit(true_divide(I("0"), I("-5")).value));
    Result<double> big = true_divide(pow(I("2"), I("2000")).value, I("1"));
    CHECK(big.error.type == ExcType::OverflowError);
    CHECK(big.error.message == "integer division result too large for a float");
    CHECK(true_divide(I("1"), pow(I("2"), I("2000")).value).value == 0.0);
    // 10**40 / 3 correctly rounded (a naive double division of rounded operands is not).
    CHECK(true_divide(pow(I("10"), I("40")).value, I("3")).value == 3.333333333333333e+39);
}

TEST_CASE("bigint: pow, pow with modulus, shifts and bitwise ops" * doctest::timeout(10)) {
    CHECK(S(pow(I("3"), I("40")).value) == "12157665459056928801");
    CHECK(S(pow(I("-2"), I("63")).value) == "-9223372036854775808");
    CHECK(S(pow_mod(I("3"), I("1000"), I("7")).value) == "4");
    CHECK(S(pow_mod(I("3"), I("-1"), I("7")).value) == "5");
    CHECK(S(pow_mod(I("3"), I("2"), I("-7")).value) == "-5");
    CHECK(S(pow_mod(I("2"), I("-1"), I("1")).value) == "0");
    CHECK(pow_mod(I("2"), I("-1"), I("4")).error.message ==
          "base is not invertible for the given modulus");
    CHECK(pow_mod(I("2"), I("3"), I("0")).error.message == "pow() 3rd argument cannot be 0");
    CHECK(pow(I("7"), I("10000000000000")).error.type == ExcType::MemoryError);
    CHECK(S(pow(I("-1"), I("10000000000001")).value) == "-1");

    CHECK(S(round_int(I("-1250"), -2).value) == "-1200");
    CHECK(S(round_int(I("-1350"), -2).value) == "-1400");
    CHECK(S(round_int(I("15"), -1).value) == "20");
    CHECK(S(round_int(I("25"), -1).value) == "20");
    CHECK(S(round_int(I("5"), -1).value) == "0");
    CHECK(S(round_int(I("123"), -5).value) == "0");
    CHECK(S(round_int(I("7"), 3).value) == "7");
    CHECK(S(round_int(I("1000000000000000000000000000005000000000"), -10).value) ==
          "1000000000000000000000000000000000000000");
    CHECK(round_int(I("7"), -10000000000).error.type == ExcType::MemoryError);
    CHECK(S(rshift(I("-5"), I("1")).value) == "-3");
    CHECK(S(rshift(I("-1"), I("100000000000000000000")).value) == "-1");
    CHECK(S(rshift(I("5"), I("100000000000000000000")).value) == "0");
    CHECK(S(lshift(I("0"), I("100000000000000000000")).value) == "0");
    CHECK(lshift(I("1"), I("-1")).error.message == "negative shift count");
    CHECK(rshift(I("1"), int64_t{-1}).error.message == "negative shift count");
    CHECK(lshift(I("1"), I("18446744073709551616")).error.type == ExcType::MemoryError);
    CHECK(S(lshift(I("-3"), int64_t{100}).value) == "-3802951800684688204490109616128");

    CHECK(S(bit_and(I("-12"), I("10"))) == "0");
    CHECK(S(bit_or(I("-12"), I("10"))) == "-2");
    CHECK(S(bit_xor(I("-12"), I("10"))) == "-2");
    CHECK(S(bit_and(I("-1"), I("0xffffffffffffffffffff"))) == "1208925819614629174706175");
    CHECK(S(bit_invert(I("0"))) == "-1");
    CHECK(I("0").bit_length() == 0);
    CHECK(I("-256").bit_length() == 9);
}

TEST_CASE("bigint: hash, float conversion and comparison with floats" * doctest::timeout(10)) {
    CHECK(I("-1").hash() == -2);
    CHECK(I("2305843009213693951").hash() == 0);  // 2**61 - 1
    CHECK(I("2305843009213693952").hash() == 1);
    CHECK(I("-2305843009213693951").hash() == 0);
    CHECK(I("12345678901234567890123").hash() == 195429904450476469);
    CHECK(hash_int64(-1) == -2);
    CHECK(hash_int64(INT64_MIN) == -4);

    CHECK(I("9007199254740993").to_double().value == 9007199254740992.0);  // half-even
    CHECK(I("9007199254740995").to_double().value == 9007199254740996.0);
    Result<double> over = pow(I("2"), I("1024")).value.to_double();
    CHECK(over.error.message == "int too large to convert to float");
    CHECK((pow(I("2"), I("1024")).value - I("1")).to_double().error.type == ExcType::OverflowError);
    // 2**1024 - 2**970 is halfway between DBL_MAX and 2**1024: rounds to even, overflows.
    CHECK((pow(I("2"), I("1024")).value - pow(I("2"), I("970")).value).to_double().error.type ==
          ExcType::OverflowError);
    CHECK((pow(I("2"), I("1024")).value - pow(I("2"), I("971")).value).to_double().value ==
          std::numeric_limits<double>::max());

    const BigInt big = I("9007199254740993");  // 2**53 + 1
    CHECK(compare_with_double(big, 9007199254740992.0) == 1);
    CHECK(compare_with_double(-big, -9007199254740992.0) == -1);
    CHECK(compare_with_double(I("3"), 3.5) == -1);
    CHECK(compare_with_double(I("-3"), -3.5) == 1);
    CHECK(compare_with_double(I("3"), 3.0) == 0);
    CHECK(compare_with_double(I("3"), std::nan("")) == 2);
    CHECK(compare_with_double(pow(I("10"), I("400")).value, INFINITY) == -1);
}

TEST_CASE("bigint: text in bases 2, 8 and 16" * doctest::timeout(10)) {
    CHECK(I("-255").to_base(16) == "-0xff");
    CHECK(I("8").to_base(8) == "0o10");
    CHECK(I("-5").to_base(2) == "-0b101");
    CHECK(I("0").to_base(16) == "0x0");
    CHECK(I("255").to_base(16, false, true) == "FF");
    CHECK(I("0x123456789abcdef0123456789").to_base(16) == "0x123456789abcdef0123456789");
    CHECK(I("0o1234567012345670123456701234567").to_base(8) == "0o1234567012345670123456701234567");
}

TEST_CASE("int_ops: the checked small-int fast path" * doctest::timeout(10)) {
    int64_t r = 0;
    CHECK_FALSE(checked_add(INT64_MAX, 1, &r));
    CHECK(checked_add(INT64_MAX, -1, &r));
    CHECK_FALSE(checked_mul(INT64_MIN, -1, &r));
    CHECK_FALSE(checked_neg(INT64_MIN, &r));
    CHECK(checked_floordiv(-7, 2, &r));
    CHECK(r == -4);
    CHECK_FALSE(checked_floordiv(INT64_MIN, -1, &r));
    CHECK(py_mod(-7, 2) == 1);
    CHECK(py_mod(7, -2) == -1);
    CHECK(py_mod(INT64_MIN, -1) == 0);
    CHECK(checked_pow(3, 39, &r));
    CHECK(r == 4052555153018976267);
    CHECK_FALSE(checked_pow(3, 40, &r));
    CHECK(checked_pow(-2, 63, &r));
    CHECK(r == INT64_MIN);
    CHECK(checked_pow(1, INT64_MAX, &r));
    CHECK(checked_lshift(-1, 63, &r) == false);  // conservative: BigInt handles n >= 63
    CHECK(checked_lshift(3, 62, &r) == false);
    CHECK(checked_lshift(3, 61, &r));
    CHECK(r == 6917529027641081856);
    CHECK(checked_lshift(-3, 61, &r));
    CHECK(py_rshift(-5, 1) == -3);
    CHECK(py_rshift(-5, 1000) == -1);
    CHECK(int64_to_string(INT64_MIN) == "-9223372036854775808");
    CHECK(int64_to_string(0) == "0");
}

TEST_CASE("bigint: large values" * doctest::timeout(60)) {
    BigInt f = BigInt::from_int64(1);
    for (int i = 2; i <= 1000; ++i) f = f * BigInt::from_int64(i);
    const std::string digits = f.to_decimal().value;
    CHECK(digits.size() == 2568);
    CHECK(digits.substr(0, 20) == "40238726007709377354");
    const BigInt p = pow(I("2"), I("100000")).value;
    CHECK(p.bit_length() == 100001);
    CHECK(p.to_decimal().error.type == ExcType::ValueError);
    // Karatsuba against schoolbook-sized pieces: (a*b) // b == a.
    const BigInt a = pow(I("3"), I("20000")).value - I("1");
    const BigInt b = pow(I("7"), I("9000")).value + I("12345");
    const BigInt prod = a * b;
    CHECK(floordiv(prod, b).value == a);
    CHECK(mod(prod, a).value.is_zero());
}
