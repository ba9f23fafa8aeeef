// Text primitives (utf8.hpp, str_repr.hpp, str_case.hpp, unicode_db.hpp): CPython 3.11's
// outputs on known cases. Every code point against python3: test_num_text_diff.cpp.
#include <doctest/doctest.h>

#include "python/num/str_case.hpp"
#include "python/num/str_repr.hpp"
#include "python/num/unicode_db.hpp"
#include "python/num/utf8.hpp"

using namespace interleave::python;

TEST_CASE("utf8: CPython's decode errors, counts and offsets" * doctest::timeout(10)) {
    CHECK(utf8_check("h\xc3\xa9llo \xf0\x9f\x98\x80").ok());
    CHECK(utf8_check("\xff").message ==
          "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    CHECK(utf8_check("\xc3").message ==
          "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data");
    CHECK(utf8_check("\xe2\x82").message ==
          "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
    CHECK(utf8_check("\xed\xa0\x80").message ==
          "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
    CHECK(utf8_check("\xe0\x80\x80").message ==
          "'utf-8' codec can't decode byte 0xe0 in position 0: invalid continuation byte");
    CHECK(utf8_check("\xf0\x9f\x98").message ==
          "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data");
    CHECK(utf8_check("a\xf4\x90\x80\x80").message ==
          "'utf-8' codec can't decode byte 0xf4 in position 1: invalid continuation byte");
    CHECK(utf8_check("\xf0\x9fx").message ==
          "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte");
    CHECK(utf8_check("\xc3\xa9\xe2\x28\xa1").message ==
          "'utf-8' codec can't decode byte 0xe2 in position 2: invalid continuation byte");
    const std::string s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z";
    CHECK(utf8_length(s) == 5);
    CHECK(utf8_length(std::string(100, 'x') + s) == 105);
    CHECK(utf8_offset(s, 0) == 0);
    CHECK(utf8_offset(s, 2) == 3);
    CHECK(utf8_offset(s, 4) == 10);
    CHECK(utf8_offset(s, 5) == s.size());
    CHECK(utf8_at(s, 3) == 0x1F600);
    CHECK(utf8_offset("hello", 3, true) == 3);
    CHECK(utf8_max_code_point(s) == 0x1F600);
    std::string enc;
    for (char32_t c : {char32_t{0x41}, char32_t{0xE9}, char32_t{0x20AC}, char32_t{0x1F600}})
        utf8_append(enc, c);
    CHECK(enc == "A\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
}

TEST_CASE("repr and ascii of str and bytes" * doctest::timeout(10)) {
    CHECK(repr_str("it's") == "\"it's\"");
    CHECK(repr_str("a\"b") == "'a\"b'");
    CHECK(repr_str("'\"") == "'\\'\"'");
    CHECK(repr_str("\t\n\r\\") == "'\\t\\n\\r\\\\'");
    CHECK(repr_str(std::string_view(
              "\x00\x7f\xc2\x80\xc2\xa0\xc2\xad \xc3\xa9\xe2\x80\x8b\xf0\x9f\x98\x80\xed\x9f\xbf",
              21)) == "'\\x00\\x7f\\x80\\xa0\\xad \xc3\xa9\\u200b\xf0\x9f\x98\x80\\ud7ff'");
    CHECK(ascii_str("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80") == "'\\xe9\\u20ac\\U0001f600'");
    CHECK(repr_bytes(std::string_view("\x00'a\"\xff", 5)) == "b'\\x00\\'a\"\\xff'");
    CHECK(repr_bytes("it's") == "b\"it's\"");
    CHECK(repr_str("") == "''");
}

TEST_CASE("str case conversions and predicates" * doctest::timeout(10)) {
    CHECK(str_lower("\xce\xa3\xce\x91\xce\xa3 \xce\xa3") ==
          "\xcf\x83\xce\xb1\xcf\x82 \xcf\x83");                    // ΣΑΣ Σ
    CHECK(str_lower("\xce\x91\xce\xa3.") == "\xce\xb1\xcf\x82.");  // ΑΣ.
    CHECK(str_upper("\xc3\x9f") == "SS");                          // ß
    CHECK(str_title("\xef\xac\x81") == "Fi");                      // ﬁ
    CHECK(str_capitalize("\xc7\x86") == "\xc7\x85");               // ǆ -> ǅ
    CHECK(str_lower("\xc4\xb0") == "i\xcc\x87");                   // İ
    CHECK(str_upper("\xc5\x89") == "\xca\xbcN");                   // ŉ
    CHECK(str_swapcase("\xce\xa3\xce\x91\xce\xa3") == "\xcf\x83\xce\xb1\xcf\x82");
    CHECK(str_title("hello wORLD") == "Hello World");
    CHECK(str_title("they're bill's") == "They'Re Bill'S");
    CHECK(str_casefold("\xc3\x9f") == "ss");
    CHECK(str_capitalize("hELLO") == "Hello");
    CHECK(str_swapcase("Hello") == "hELLO");
    CHECK(str_istitle("\xc7\x85"));
    CHECK(str_isupper("\xc7\x84"));
    CHECK(str_isupper("HELLO 1"));
    CHECK_FALSE(str_isupper("1"));
    CHECK(str_islower("hello 1"));
    CHECK(str_istitle("Hello World"));
    CHECK_FALSE(str_istitle("HeLlo"));
    CHECK(str_isidentifier("_x1"));
    CHECK(str_isidentifier("\xc3\xa9t\xc3\xa9"));
    CHECK_FALSE(str_isidentifier("1x"));
    CHECK_FALSE(str_isidentifier(""));
    CHECK(str_isdigit("\xc2\xb2"));  // ²
    CHECK_FALSE(str_isdecimal("\xc2\xb2"));
    CHECK(str_isnumeric("\xc2\xbd"));  // ½
    CHECK(str_isdecimal("\xd9\xa3"));  // Arabic-Indic 3
    CHECK(str_isspace(" \t\x1c\xc2\x85\xe3\x80\x80"));
    CHECK_FALSE(str_isspace(""));
    CHECK(str_isprintable(""));
    CHECK_FALSE(str_isprintable("\xc2\xa0"));
    CHECK(str_isalpha("h\xc3\xa9llo"));
    CHECK(str_isalnum("abc123\xc2\xb2"));
    CHECK(str_isascii(""));
    CHECK_FALSE(str_isascii("\xc3\xa9"));
    CHECK(unicode_decimal_value(0x0663) == 3);
    CHECK(unicode_decimal_value(0x00B2) == -1);
    CHECK(unicode_decimal_and_space_to_ascii("\xd9\xa3\xe3\x80\x80x\xc3\xa9z") == "3 x?");
}
