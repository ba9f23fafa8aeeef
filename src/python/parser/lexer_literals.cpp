// The tokenizer's literal forms: names (with string prefixes), strings and numbers, as
// CPython 3.11's tok_get (Parser/tokenizer.c) reads them, errors included.
#include <cstdio>
#include <cstring>

#include "python/parser/lexer.hpp"
#include "python/parser/unicode.hpp"

namespace interleave::python {

namespace {

constexpr int kEOF = -1;

bool is_digit(int c) {
    return c >= '0' && c <= '9';
}
bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_potential_identifier_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
bool is_potential_identifier_char(int c) {
    return is_potential_identifier_start(c) || is_digit(c);
}

}  // namespace

Token Lexer::lex_name(int c) {
    // String prefixes: any case of r, u, b, br, rb, f, fr, rf.
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
            saw_b = true;
        } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
            saw_u = true;
        } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
            saw_r = true;
        } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
            saw_f = true;
        } else {
            break;
        }
        c = nextc();
        if (c == '"' || c == '\'') return lex_string(c);
    }
    bool nonascii = false;
    while (is_potential_identifier_char(c)) {
        if (c >= 128) nonascii = true;
        c = nextc();
    }
    backup(c);
    if (nonascii) {
        // verify_identifier: the first character that cannot be part of an identifier.
        const char* p = src_.data() + tok_start_;
        const char* end = src_.data() + pos_;
        bool first = true;
        while (p < end) {
            uint32_t cp;
            size_t n = decode_utf8(p, end, &cp);
            if (n == 0) n = 1, cp = 0xFFFD;
            if (!(first ? is_id_start(cp) : is_id_continue(cp))) {
                pos_ = static_cast<size_t>(p + n - src_.data());
                char hex[16];
                std::snprintf(hex, sizeof hex, "%04X", cp);
                std::string msg;
                if (is_printable(cp)) {
                    msg = "invalid character '";
                    append_utf8(msg, cp);
                    msg += std::string("' (U+") + hex + ")";
                } else {
                    msg = std::string("invalid non-printable character U+") + hex;
                }
                fail(std::move(msg), cur_col_chars(), cur_col_chars());
            }
            first = false;
            p += n;
        }
    }
    return make(keyword_or_name(std::string_view(src_).substr(tok_start_, pos_ - tok_start_)),
                tok_start_, pos_);
}

Token Lexer::lex_string(int quote) {
    const int first_lineno = lineno_;
    const size_t first_line_start = line_start_;
    int quote_size = 1, end_quote_size = 0;
    int c = nextc();
    if (c == quote) {
        c = nextc();
        if (c == quote) {
            quote_size = 3;
        } else {
            end_quote_size = 1;  // empty string
        }
    }
    if (c != quote) backup(c);
    while (end_quote_size != quote_size) {
        c = nextc();
        if (c == kEOF || (quote_size == 1 && c == '\n')) {
            // Reported at the string's start, in the line where it starts.
            const int detected = lineno_;
            lineno_ = first_lineno;
            line_start_ = first_line_start;
            pos_ = tok_start_ + 1;
            const int col = cur_col_chars();
            fail(std::string(quote_size == 3 ? "unterminated triple-quoted string literal"
                                             : "unterminated string literal") +
                     " (detected at line " + std::to_string(detected) + ")",
                 col, col);
        }
        if (c == quote) {
            ++end_quote_size;
        } else {
            end_quote_size = 0;
            if (c == '\\') nextc();  // skip the escaped character
        }
    }
    Token t;
    t.type = Tok::String;
    t.start = static_cast<uint32_t>(tok_start_);
    t.end = static_cast<uint32_t>(pos_);
    t.lineno = first_lineno;
    t.col = static_cast<int32_t>(tok_start_ - first_line_start);
    t.end_lineno = lineno_;
    t.end_col = static_cast<int32_t>(pos_ - line_start_);
    t.level = static_cast<int32_t>(parens_.size());
    return t;
}

int Lexer::decimal_tail() {
    int c;
    for (;;) {
        do c = nextc();
        while (is_digit(c));
        if (c != '_') break;
        c = nextc();
        if (!is_digit(c)) {
            backup(c);
            fail("invalid decimal literal", cur_col_chars(), cur_col_chars());
        }
    }
    return c;
}

void Lexer::verify_end_of_number(int c, const char* kind) {
    // A literal directly followed by a keyword that can follow it in valid code ("1if x else y")
    // is accepted (CPython 3.11 warns); any other identifier character is an error.
    auto lookahead = [&](const char* rest) {
        size_t p = pos_;
        for (; *rest; ++rest, ++p) {
            if (p >= src_.size() || src_[p] != *rest) return false;
        }
        return true;
    };
    bool r = false;
    if (c == 'a') {
        r = lookahead("nd");
    } else if (c == 'e') {
        r = lookahead("lse");
    } else if (c == 'f') {
        r = lookahead("or");
    } else if (c == 'i') {
        const char c2 = pos_ < src_.size() ? src_[pos_] : '\0';
        r = c2 == 'f' || c2 == 'n' || c2 == 's';
    } else if (c == 'o') {
        r = lookahead("r");
    } else if (c == 'n') {
        r = lookahead("ot");
    }
    if (r) return;
    if (is_potential_identifier_char(c)) {
        backup(c);
        fail(std::string("invalid ") + kind + " literal", cur_col_chars(), cur_col_chars());
    }
}

Token Lexer::lex_number(int c, bool after_dot) {
    bool fraction = false, exponent = false, imaginary = false;
    if (after_dot) {
        fraction = true;  // ".5": the '.' and the digit c are read
    } else if (c == '0') {
        c = nextc();
        if (c == 'x' || c == 'X') {
            c = nextc();
            do {
                if (c == '_') c = nextc();
                if (!is_xdigit(c)) {
                    backup(c);
                    fail("invalid hexadecimal literal", cur_col_chars(), cur_col_chars());
                }
                do c = nextc();
                while (is_xdigit(c));
            } while (c == '_');
            verify_end_of_number(c, "hexadecimal");
            backup(c);
            return make(Tok::Number, tok_start_, pos_);
        }
        if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
            const bool octal = c == 'o' || c == 'O';
            const char* kind = octal ? "octal" : "binary";
            const int top = octal ? '8' : '2';
            c = nextc();
            do {
                if (c == '_') c = nextc();
                if (c < '0' || c >= top) {
                    if (is_digit(c)) {
                        fail(std::string("invalid digit '") + static_cast<char>(c) + "' in " +
                                 kind + " literal",
                             cur_col_chars(), cur_col_chars());
                    }
                    backup(c);
                    fail(std::string("invalid ") + kind + " literal", cur_col_chars(),
                         cur_col_chars());
                }
                do c = nextc();
                while (c >= '0' && c < top);
            } while (c == '_');
            if (is_digit(c)) {
                fail(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind +
                         " literal",
                     cur_col_chars(), cur_col_chars());
            }
            verify_end_of_number(c, kind);
            backup(c);
            return make(Tok::Number, tok_start_, pos_);
        }
        // Maybe an old-style octal (an error), or zeros, or a float starting with 0.
        bool nonzero = false;
        for (;;) {
            if (c == '_') {
                c = nextc();
                if (!is_digit(c)) {
                    backup(c);
                    fail("invalid decimal literal", cur_col_chars(), cur_col_chars());
                }
            }
            if (c != '0') break;
            c = nextc();
        }
        const size_t zeros_end = pos_;
        if (is_digit(c)) {
            nonzero = true;
            c = decimal_tail();
        }
        if (c == '.') {
            c = nextc();
            fraction = true;
        } else if (c == 'e' || c == 'E') {
            exponent = true;
        } else if (c == 'j' || c == 'J') {
            imaginary = true;
        } else if (nonzero) {
            backup(c);
            SyntaxErrorException ex;
            ex.in_tokenizer = true;
            ex.from_tokenizer = true;
            ex.info = make_error(SyntaxErrorKind::SyntaxError,
                                 "leading zeros in decimal integer literals are not permitted; use "
                                 "an 0o prefix for octal integers",
                                 lineno_, static_cast<int>(tok_start_ - line_start_) + 1, lineno_,
                                 static_cast<int>(zeros_end - line_start_), false);
            ex.info.offset = static_cast<int>(tok_start_ - line_start_) + 1;  // bytes, as CPython
            ex.info.end_offset = static_cast<int>(zeros_end - line_start_);
            throw ex;
        } else {
            verify_end_of_number(c, "decimal");
            backup(c);
            return make(Tok::Number, tok_start_, pos_);
        }
    } else {
        c = decimal_tail();
        if (c == '.') {
            c = nextc();
            fraction = true;
        }
    }
    if (fraction) {
        if (is_digit(c)) c = decimal_tail();
    }
    if (!imaginary && (exponent || c == 'e' || c == 'E')) {
        const int e = c;
        c = nextc();
        if (c == '+' || c == '-') {
            c = nextc();
            if (!is_digit(c)) {
                backup(c);
                fail("invalid decimal literal", cur_col_chars(), cur_col_chars());
            }
        } else if (!is_digit(c)) {
            backup(c);
            verify_end_of_number(e, "decimal");
            backup(e);
            return make(Tok::Number, tok_start_, pos_);
        }
        c = decimal_tail();
    }
    if (imaginary || c == 'j' || c == 'J') {
        c = nextc();
        verify_end_of_number(c, "imaginary");
    } else {
        verify_end_of_number(c, "decimal");
    }
    backup(c);
    return make(Tok::Number, tok_start_, pos_);
}

}  // namespace interleave::python
