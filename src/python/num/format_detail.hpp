// Internal to src/python/num: the number layout shared by format_spec and percent_format
// (CPython's calc_number_widths + fill_number + _PyUnicode_InsertThousandsGrouping).
#pragma once

#include <string>
#include <string_view>

#include "python/num/format_spec.hpp"

namespace interleave::python::detail {

// The parts of a formatted number: [sign][prefix][digits grouped][tail], where tail is the
// decimal point and what follows it, an exponent, "inf", or the character of 'c' (UTF-8).
struct NumberParts {
    char sign_char = '\0';  // '-' when negative, else '\0'
    std::string_view prefix;
    std::string_view digits;  // integer-part digits (ASCII), may be empty
    std::string_view tail;
    char group_sep = '\0';  // '\0' none, ',' or '_'
    int group_size = 3;
    bool upper = false;  // 'X': prefix and digits upper-cased
};

// Lays out the parts per the spec's sign, fill, align, width ('0' + '=' pads the digits
// themselves, through the grouping). Appends to out.
void layout_number(std::string& out, const NumberParts& parts, const FormatSpec& f);

// Appends text padded to width with fill per align ('<' '>' '^'), counting code points.
void pad_text(std::string& out, std::string_view utf8, size_t code_points, const FormatSpec& f);

// "Unknown format code 'd' for object of type 'float'" (\x.. for non-printable codes).
Error unknown_format_code(char32_t type, std::string_view type_name);

}  // namespace interleave::python::detail
