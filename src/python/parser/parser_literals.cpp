// Literals: number tokens to values, string tokens (any prefix) to str/bytes with escapes decoded,
// and adjacent strings concatenated, as CPython 3.11's Parser/string_parser.c; f-strings are
// split in parser_fstring.cpp.
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "python/parser/parser_impl.hpp"
#include "python/parser/parser_strings.hpp"
#include "python/parser/unicode.hpp"

namespace interleave::python::detail {

namespace {

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

// Decimal digits of the integer written in `digits` (no underscores) in `base`.
std::string to_decimal(std::string_view digits, int base) {
    // Little-endian limbs of 10^9.
    std::vector<uint32_t> limbs{0};
    for (char ch : digits) {
        uint64_t carry = static_cast<uint64_t>(digit_value(ch));
        for (uint32_t& l : limbs) {
            const uint64_t v = static_cast<uint64_t>(l) * static_cast<uint64_t>(base) + carry;
            l = static_cast<uint32_t>(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry) {
            limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
            carry /= 1000000000u;
        }
    }
    std::string out = std::to_string(limbs.back());
    for (size_t i = limbs.size() - 1; i-- > 0;) {
        std::string part = std::to_string(limbs[i]);
        out.append(9 - part.size(), '0');
        out += part;
    }
    return out;
}

}  // namespace

// NUMBER: int (any base; int64 or decimal digits), float or imaginary.
Expr* Parser::number(const Token& t) {
    std::string s;
    for (char c : text(t)) {
        if (c != '_') s.push_back(c);
    }
    auto* c = arena_.make<Constant>();
    ConstantValue& v = c->value;
    const char last = s.back();
    if (last == 'j' || last == 'J') {
        s.pop_back();
        v.kind = ConstantKind::Complex;
        v.float_value = std::strtod(s.c_str(), nullptr);
        return c;
    }
    int base = 10;
    std::string_view digits = s;
    if (s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
    } else if (s.size() > 1 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) {
        base = 8;
    } else if (s.size() > 1 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
        base = 2;
    } else if (s.find_first_of(".eE") != std::string::npos) {
        v.kind = ConstantKind::Float;
        v.float_value = std::strtod(s.c_str(), nullptr);
        return c;
    }
    if (base != 10) digits.remove_prefix(2);
    // int64 when it fits, else decimal digits for the VM's bigint.
    uint64_t acc = 0;
    bool overflow = false;
    for (char ch : digits) {
        const uint64_t d = static_cast<uint64_t>(digit_value(ch));
        if (acc > (static_cast<uint64_t>(INT64_MAX) - d) / static_cast<uint64_t>(base)) {
            overflow = true;
            break;
        }
        acc = acc * static_cast<uint64_t>(base) + d;
    }
    if (!overflow) {
        v.kind = ConstantKind::Int;
        v.int_value = static_cast<int64_t>(acc);
        return c;
    }
    v.kind = ConstantKind::BigInt;
    std::string dec = to_decimal(digits, base);
    size_t nz = dec.find_first_not_of('0');
    v.text = arena_.str(nz == std::string::npos ? "0" : dec.substr(nz));
    return c;
}

// strings: STRING+ -> Constant (str or bytes) or JoinedStr when an f-string takes part.
Expr* Parser::strings() {
    const size_t start = pos_;
    size_t end = pos_;
    while (tok(end).type == Tok::String) ++end;
    const Token first = tok(start);
    const Token last = tok(end - 1);
    tok(end);  // CPython's STRING+ has looked at the token after the last string
    StringParts parts(*this, arena_);
    parts.set_kind(text(first)[0] == 'u' ? "u" : "");
    bool bytes_mode = false;
    std::string bytes;
    for (size_t i = start; i < end; ++i) {
        const Token t = tok(i);
        StringLiteral lit = split_string_token(text(t));
        if (i != start && bytes_mode != lit.bytes) {
            pos_ = end;
            raise_last("cannot mix bytes and nonbytes literals");
        }
        bytes_mode = lit.bytes;
        if (lit.fstring) {
            pos_ = end;
            parts.add_fstring(lit, first, t, last);
            continue;
        }
        std::string decoded;
        std::string err;
        if (lit.bytes) {
            for (unsigned char ch : lit.body) {
                if (ch >= 0x80) {
                    pos_ = end;
                    raise_at(loc_of(t), "bytes can only contain ASCII literal characters");
                }
            }
        }
        if (!decode_escapes(lit.body, lit.raw, lit.bytes, &decoded, &err)) {
            pos_ = end;
            raise_last("(unicode error) " + err);
        }
        if (lit.bytes) {
            bytes += decoded;
        } else {
            parts.add_literal(decoded);
        }
    }
    pos_ = end;
    if (bytes_mode) {
        auto* c = arena_.make<Constant>();
        c->value.kind = ConstantKind::Bytes;
        c->value.text = arena_.str(bytes);
        return finish(c, start);
    }
    return parts.finish(first, last);
}

StringLiteral split_string_token(std::string_view s) {
    StringLiteral lit;
    size_t i = 0;
    for (; i < s.size() && s[i] != '\'' && s[i] != '"'; ++i) {
        switch (s[i]) {
            case 'b':
            case 'B':
                lit.bytes = true;
                break;
            case 'r':
            case 'R':
                lit.raw = true;
                break;
            case 'f':
            case 'F':
                lit.fstring = true;
                break;
            default:
                break;
        }
    }
    const char q = s[i];
    size_t quote = 1;
    if (s.size() - i >= 6 && s[i + 1] == q && s[i + 2] == q) quote = 3;
    lit.body = s.substr(i + quote, s.size() - i - 2 * quote);
    lit.body_offset = i + quote;
    return lit;
}

// decode_unicode_with_escapes / decode_bytes_with_escapes. Positions in error messages count a
// non-ASCII character as 10 (CPython first rewrites each as "\U%08x").
bool decode_escapes(std::string_view s, bool raw, bool bytes, std::string* out, std::string* err) {
    out->reserve(s.size());
    if (raw || s.find('\\') == std::string_view::npos) {
        out->assign(s);
        return true;
    }
    size_t cpos = 0;  // CPython's position in the rewritten buffer
    auto fail = [&](size_t from, size_t to, const char* what) {
        *err = std::string("'") + (bytes ? "unicodeescape" : "unicodeescape") +
               "' codec can't decode bytes in position " + std::to_string(from) + "-" +
               std::to_string(to) + ": " + what;
        return false;
    };
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c != '\\') {
            if (c >= 0x80 && !bytes) {
                uint32_t cp;
                size_t n = decode_utf8(s.data() + i, s.data() + s.size(), &cp);
                if (n == 0) n = 1;
                out->append(s.substr(i, n));
                i += n;
                cpos += 10;
                continue;
            }
            out->push_back(static_cast<char>(c));
            ++i, ++cpos;
            continue;
        }
        const size_t esc = cpos;
        if (i + 1 >= s.size()) {
            return fail(esc, esc, "\\ at end of string");
        }
        const char e = s[i + 1];
        i += 2, cpos += 2;
        auto put = [&](uint32_t cp) {
            if (bytes) {
                out->push_back(static_cast<char>(cp & 0xFF));
            } else {
                append_utf8(*out, cp);
            }
        };
        switch (e) {
            case '\n':
                break;
            case '\\':
                out->push_back('\\');
                break;
            case '\'':
                out->push_back('\'');
                break;
            case '"':
                out->push_back('"');
                break;
            case 'a':
                out->push_back('\a');
                break;
            case 'b':
                out->push_back('\b');
                break;
            case 'f':
                out->push_back('\f');
                break;
            case 'n':
                out->push_back('\n');
                break;
            case 'r':
                out->push_back('\r');
                break;
            case 't':
                out->push_back('\t');
                break;
            case 'v':
                out->push_back('\v');
                break;
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7': {
                uint32_t v = static_cast<uint32_t>(e - '0');
                for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k) {
                    v = v * 8 + static_cast<uint32_t>(s[i] - '0');
                    ++i, ++cpos;
                }
                put(v);
                break;
            }
            case 'x':
            case 'u':
            case 'U': {
                if (bytes && e != 'x') {
                    out->push_back('\\');
                    out->push_back(e);
                    break;
                }
                const int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                uint32_t v = 0;
                int k = 0;
                for (; k < n && i < s.size() && digit_value(s[i]) < 16; ++k) {
                    v = v * 16 + static_cast<uint32_t>(digit_value(s[i]));
                    ++i, ++cpos;
                }
                if (k < n) {
                    if (bytes) {
                        *err = "invalid \\x escape at position " + std::to_string(esc);
                        return false;
                    }
                    return fail(esc, cpos - 1,
                                e == 'x'   ? "truncated \\xXX escape"
                                : e == 'u' ? "truncated \\uXXXX escape"
                                           : "truncated \\UXXXXXXXX escape");
                }
                if (v > 0x10FFFF) return fail(esc, cpos - 1, "illegal Unicode character");
                put(v);
                break;
            }
            case 'N': {
                if (bytes) {
                    out->push_back('\\');
                    out->push_back('N');
                    break;
                }
                if (i >= s.size() || s[i] != '{')
                    return fail(esc, cpos - 1, "malformed \\N character escape");
                const size_t close = s.find('}', i);
                if (close == std::string_view::npos || close == i + 1) {
                    return fail(esc, cpos - 1 + (close == std::string_view::npos ? 0 : 1),
                                "malformed \\N character escape");
                }
                const std::string_view name = s.substr(i + 1, close - i - 1);
                const size_t used = close + 1 - i;
                cpos += used;
                i = close + 1;
                std::optional<uint32_t> cp = lookup_char_name(name);
                if (!cp) {
                    return fail(esc, cpos - 1,
                                "unknown Unicode character name (this interpreter knows the names "
                                "of Latin-1, Greek, punctuation, arrows, math, box drawing and "
                                "common symbols only)");
                }
                put(*cp);
                break;
            }
            default:
                // Unknown escapes keep their backslash (CPython warns).
                out->push_back('\\');
                --i, --cpos;
                break;
        }
    }
    return true;
}

}  // namespace interleave::python::detail
