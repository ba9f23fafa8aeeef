// The tokenizer: a port of the decisions in CPython 3.11's Parser/tokenizer.c (tok_get), written
// with the same nextc/backup discipline so that error positions come out where CPython puts them.
#include "python/parser/lexer.hpp"

#include <cstring>

#include "python/parser/unicode.hpp"

namespace interleave::python {

namespace {

constexpr int kEOF = -1;
constexpr int kTabSize = 8;

bool is_digit(int c) {
    return c >= '0' && c <= '9';
}
bool is_potential_identifier_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

struct KeywordEntry {
    const char* text;
    Tok tok;
};
constexpr KeywordEntry kKeywords[] = {
    {"False", Tok::KwFalse},
    {"None", Tok::KwNone},
    {"True", Tok::KwTrue},
    {"and", Tok::KwAnd},
    {"as", Tok::KwAs},
    {"assert", Tok::KwAssert},
    {"async", Tok::KwAsync},
    {"await", Tok::KwAwait},
    {"break", Tok::KwBreak},
    {"class", Tok::KwClass},
    {"continue", Tok::KwContinue},
    {"def", Tok::KwDef},
    {"del", Tok::KwDel},
    {"elif", Tok::KwElif},
    {"else", Tok::KwElse},
    {"except", Tok::KwExcept},
    {"finally", Tok::KwFinally},
    {"for", Tok::KwFor},
    {"from", Tok::KwFrom},
    {"global", Tok::KwGlobal},
    {"if", Tok::KwIf},
    {"import", Tok::KwImport},
    {"in", Tok::KwIn},
    {"is", Tok::KwIs},
    {"lambda", Tok::KwLambda},
    {"nonlocal", Tok::KwNonlocal},
    {"not", Tok::KwNot},
    {"or", Tok::KwOr},
    {"pass", Tok::KwPass},
    {"raise", Tok::KwRaise},
    {"return", Tok::KwReturn},
    {"try", Tok::KwTry},
    {"while", Tok::KwWhile},
    {"with", Tok::KwWith},
    {"yield", Tok::KwYield},
};

Tok one_char(int c) {
    switch (c) {
        case '%':
            return Tok::Percent;
        case '&':
            return Tok::Amper;
        case '(':
            return Tok::LPar;
        case ')':
            return Tok::RPar;
        case '*':
            return Tok::Star;
        case '+':
            return Tok::Plus;
        case ',':
            return Tok::Comma;
        case '-':
            return Tok::Minus;
        case '.':
            return Tok::Dot;
        case '/':
            return Tok::Slash;
        case ':':
            return Tok::Colon;
        case ';':
            return Tok::Semi;
        case '<':
            return Tok::Less;
        case '=':
            return Tok::Equal;
        case '>':
            return Tok::Greater;
        case '@':
            return Tok::At;
        case '[':
            return Tok::LSqb;
        case ']':
            return Tok::RSqb;
        case '^':
            return Tok::Circumflex;
        case '{':
            return Tok::LBrace;
        case '|':
            return Tok::VBar;
        case '}':
            return Tok::RBrace;
        case '~':
            return Tok::Tilde;
        default:
            return Tok::ErrorToken;
    }
}

// CPython's PyToken_TwoChars; ErrorToken when c1 c2 is not an operator.
Tok two_chars(int c1, int c2) {
    switch (c1) {
        case '!':
            return c2 == '=' ? Tok::NotEqual : Tok::ErrorToken;
        case '%':
            return c2 == '=' ? Tok::PercentEqual : Tok::ErrorToken;
        case '&':
            return c2 == '=' ? Tok::AmperEqual : Tok::ErrorToken;
        case '*':
            if (c2 == '*') return Tok::DoubleStar;
            return c2 == '=' ? Tok::StarEqual : Tok::ErrorToken;
        case '+':
            return c2 == '=' ? Tok::PlusEqual : Tok::ErrorToken;
        case '-':
            if (c2 == '=') return Tok::MinEqual;
            return c2 == '>' ? Tok::RArrow : Tok::ErrorToken;
        case '/':
            if (c2 == '/') return Tok::DoubleSlash;
            return c2 == '=' ? Tok::SlashEqual : Tok::ErrorToken;
        case ':':
            return c2 == '=' ? Tok::ColonEqual : Tok::ErrorToken;
        case '<':
            if (c2 == '<') return Tok::LeftShift;
            return c2 == '=' ? Tok::LessEqual : Tok::ErrorToken;
        case '=':
            return c2 == '=' ? Tok::EqEqual : Tok::ErrorToken;
        case '>':
            if (c2 == '=') return Tok::GreaterEqual;
            return c2 == '>' ? Tok::RightShift : Tok::ErrorToken;
        case '@':
            return c2 == '=' ? Tok::AtEqual : Tok::ErrorToken;
        case '^':
            return c2 == '=' ? Tok::CircumflexEqual : Tok::ErrorToken;
        case '|':
            return c2 == '=' ? Tok::VBarEqual : Tok::ErrorToken;
        default:
            return Tok::ErrorToken;
    }
}

Tok three_chars(int c1, int c2, int c3) {
    if (c3 != '=' && !(c1 == '.' && c2 == '.' && c3 == '.')) return Tok::ErrorToken;
    if (c1 == '*' && c2 == '*') return Tok::DoubleStarEqual;
    if (c1 == '.' && c2 == '.') return Tok::Ellipsis;
    if (c1 == '/' && c2 == '/') return Tok::DoubleSlashEqual;
    if (c1 == '<' && c2 == '<') return Tok::LeftShiftEqual;
    if (c1 == '>' && c2 == '>') return Tok::RightShiftEqual;
    return Tok::ErrorToken;
}

// Number of code points in s (invalid bytes count one each, as "replace" decoding).
int count_chars(std::string_view s) {
    int n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

Tok keyword_or_name(std::string_view s) {
    if (s.size() < 2 || s.size() > 8 || s[0] < 'F' || s[0] > 'y') return Tok::Name;
    for (const auto& k : kKeywords) {
        if (s == k.text) return k.tok;
    }
    return Tok::Name;
}

const char* spelling_of(Tok t) {
    static const char* const kNames[] = {
        "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE",   "INDENT", "DEDENT", "(",  ")",   "[",
        "]",         "{",    "}",      ":",      ",",         ";",      "+",      "-",  "*",   "/",
        "|",         "&",    "<",      ">",      "=",         ".",      "%",      "==", "!=",  "<=",
        ">=",        "~",    "^",      "<<",     ">>",        "**",     "+=",     "-=", "*=",  "/=",
        "%=",        "&=",   "|=",     "^=",     "<<=",       ">>=",    "**=",    "//", "//=", "@",
        "@=",        "->",   "...",    ":=",     "ERRORTOKEN"};
    constexpr size_t n = sizeof(kNames) / sizeof(kNames[0]);
    static_assert(n == static_cast<size_t>(Tok::ErrorToken) + 1);
    const auto i = static_cast<size_t>(t);
    if (i < n) return kNames[i];
    return kKeywords[i - n].text;
}

Lexer::Lexer(std::string_view source) {
    // Universal newlines and the implicit final newline, as CPython's translate_newlines().
    if (source.size() >= 3 && std::memcmp(source.data(), "\xEF\xBB\xBF", 3) == 0) {
        source.remove_prefix(3);
    }
    src_.reserve(source.size() + 1);
    for (size_t i = 0; i < source.size(); ++i) {
        char c = source[i];
        if (c == '\r') {
            if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
            c = '\n';
        }
        src_.push_back(c);
    }
    if (!src_.empty() && src_.back() != '\n') src_.push_back('\n');
    line_starts_.push_back(0);
    for (size_t i = 0; i < src_.size(); ++i) {
        if (src_[i] == '\n' && i + 1 < src_.size())
            line_starts_.push_back(static_cast<uint32_t>(i + 1));
    }
}

std::string_view Lexer::line(int lineno) const {
    if (lineno < 1 || lineno > line_count()) return {};
    const size_t b = line_starts_[lineno - 1];
    size_t e = src_.find('\n', b);
    if (e == std::string::npos) e = src_.size();
    return std::string_view(src_).substr(b, e - b);
}

int Lexer::chars_before(int lineno, int bytes) const {
    std::string_view l = line(lineno);
    if (bytes < 0) return 0;
    if (static_cast<size_t>(bytes) > l.size()) bytes = static_cast<int>(l.size());
    return count_chars(l.substr(0, static_cast<size_t>(bytes)));
}

SyntaxErrorInfo Lexer::make_error(SyntaxErrorKind kind, std::string msg, int lineno, int col_byte,
                                  int end_lineno, int end_col_byte, bool with_newline) const {
    // As _PyPegen_raise_error_known_location: byte offsets (1-based) become character offsets,
    // counted on the text of the error's first line (clamped to its length + 1).
    SyntaxErrorInfo e;
    e.kind = kind;
    e.msg = std::move(msg);
    e.lineno = lineno;
    e.end_lineno = end_lineno;
    std::string_view l = line(lineno);
    e.text.assign(l);
    if (with_newline && lineno >= 1 && lineno <= line_count()) e.text.push_back('\n');
    auto to_chars = [&](int col1) {
        const int len = static_cast<int>(e.text.size());
        if (col1 > len + 1) col1 = len + 1;
        if (col1 <= len) return count_chars(std::string_view(e.text).substr(0, col1));
        return count_chars(e.text) + 1;
    };
    e.offset = col_byte < 0 ? col_byte : to_chars(col_byte);
    e.end_offset = end_col_byte > 0 ? to_chars(end_col_byte) : end_col_byte;
    return e;
}

int Lexer::cur_col_chars() const {
    return count_chars(std::string_view(src_).substr(line_start_, pos_ - line_start_));
}

// CPython's syntaxerror(): the position is the current one (in characters), the text the current
// line without its newline.
void Lexer::fail(std::string msg, int col_chars, int end_col_chars) {
    SyntaxErrorException ex;
    ex.in_tokenizer = true;
    ex.from_tokenizer = true;
    ex.info.msg = std::move(msg);
    ex.info.lineno = ex.info.end_lineno = lineno_;
    ex.info.offset = col_chars;
    ex.info.end_offset = end_col_chars;
    ex.info.text.assign(line(lineno_));
    throw ex;
}

// Indentation errors (E_TABSPACE, E_TOODEEP, E_DEDENT), reported by CPython's parser from the
// tokenizer's state; they do not replace an earlier parser error.
void Lexer::fail_indent(SyntaxErrorKind kind, const char* msg) {
    SyntaxErrorException ex;
    ex.in_tokenizer = true;
    if (kind == SyntaxErrorKind::TabError ||
        std::strcmp(msg, "too many levels of indentation") == 0) {
        ex.info = make_error(kind, msg, lineno_, 1, lineno_, 0, true);
    } else {
        // E_DEDENT: the column is the end of the line (tok->cur = tok->inp), end_offset -1.
        std::string_view l = line(lineno_);
        ex.info = make_error(kind, msg, lineno_, static_cast<int>(l.size()) + 1, lineno_, -1, true);
        ex.info.offset = count_chars(l) + 1;
    }
    throw ex;
}

void Lexer::check_input() {
    checked_ = true;
    const size_t nul = src_.find('\0');
    const size_t bad = find_invalid_utf8(src_);
    const size_t at = nul < bad ? nul : bad;
    if (at == std::string::npos) return;
    // Find the line and report it; the tokenizer never starts.
    int ln = 1;
    size_t ls = 0;
    for (size_t i = 0; i < at; ++i) {
        if (src_[i] == '\n') ++ln, ls = i + 1;
    }
    lineno_ = ln;
    line_start_ = ls;
    pos_ = at;
    SyntaxErrorException ex;
    ex.in_tokenizer = true;
    if (at == nul) {
        ex.info.msg = "source code string cannot contain null bytes";
    } else {
        char buf[160];
        const auto b = static_cast<unsigned char>(src_[at]);
        std::snprintf(buf, sizeof buf,
                      "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                      b, at - ls,
                      (b >= 0x80 && b < 0xC2) || b > 0xF4 ? "invalid start byte"
                                                          : "invalid continuation byte");
        ex.info.msg = buf;
    }
    ex.info.lineno = ex.info.end_lineno = ln;
    ex.info.offset = ex.info.end_offset = cur_col_chars() + 1;
    ex.info.text.assign(line(ln));
    // The line itself may hold the bad bytes: keep text valid UTF-8.
    for (char& ch : ex.info.text) {
        if (static_cast<unsigned char>(ch) >= 0x80 || ch == '\0') ch = '?';
    }
    throw ex;
}

Token Lexer::end_marker() {
    Token k = make(Tok::EndMarker, src_.size(), src_.size());
    k.col = 0;
    k.end_col = -1;
    return k;
}

Token Lexer::make(Tok t, size_t start, size_t end) {
    Token k;
    k.type = t;
    k.start = static_cast<uint32_t>(start);
    k.end = static_cast<uint32_t>(end);
    k.lineno = k.end_lineno = lineno_;
    k.col = static_cast<int32_t>(start - line_start_);
    k.end_col = static_cast<int32_t>(end - line_start_);
    k.level = static_cast<int32_t>(parens_.size());
    return k;
}

}  // namespace interleave::python

namespace interleave::python {

// Measures the indentation of a new line and queues INDENT/DEDENTs (tok_get's at-bol block).
bool Lexer::at_line_start() {
    int col = 0, altcol = 0, c;
    for (;;) {
        c = nextc();
        if (c == ' ') {
            ++col, ++altcol;
        } else if (c == '\t') {
            col = (col / kTabSize + 1) * kTabSize;
            altcol = altcol + 1;  // ALTTABSIZE 1
        } else if (c == '\f') {
            col = altcol = 0;  // control-L (formfeed), for Emacs users
        } else {
            break;
        }
    }
    backup(c);
    // Lines with only whitespace and/or a comment do not affect indentation.
    if (c == '#' || c == '\n') return false;
    if (!parens_.empty()) return true;
    if (col == indents_.back()) {
        if (altcol != alt_indents_.back()) {
            fail_indent(SyntaxErrorKind::TabError,
                        "inconsistent use of tabs and spaces in indentation");
        }
    } else if (col > indents_.back()) {
        if (static_cast<int>(indents_.size()) >= kMaxIndent) {
            fail_indent(SyntaxErrorKind::IndentationError, "too many levels of indentation");
        }
        if (altcol <= alt_indents_.back()) {
            fail_indent(SyntaxErrorKind::TabError,
                        "inconsistent use of tabs and spaces in indentation");
        }
        ++pending_;
        indents_.push_back(col);
        alt_indents_.push_back(altcol);
    } else {
        while (indents_.size() > 1 && col < indents_.back()) {
            --pending_;
            indents_.pop_back();
            alt_indents_.pop_back();
        }
        if (col != indents_.back()) {
            fail_indent(SyntaxErrorKind::IndentationError,
                        "unindent does not match any outer indentation level");
        }
        if (altcol != alt_indents_.back()) {
            fail_indent(SyntaxErrorKind::TabError,
                        "inconsistent use of tabs and spaces in indentation");
        }
    }
    return true;
}

Token Lexer::next() {
    if (!checked_) check_input();
    if (done_) return end_marker();
    for (;;) {
        if (at_bol_) {
            at_bol_ = false;
            blank_ = !at_line_start();
        }
        if (pending_ != 0) {
            // INDENT/DEDENT span the indentation (CPython gives them no column: the parser's
            // error messages use the end of the indentation).
            size_t p = pos_;
            while (p < src_.size() && (src_[p] == ' ' || src_[p] == '\t' || src_[p] == '\f')) ++p;
            Token t = make(pending_ > 0 ? Tok::Indent : Tok::Dedent, line_start_, p);
            pending_ += pending_ > 0 ? -1 : 1;
            return t;
        }
        int c;
        do c = nextc();
        while (c == ' ' || c == '\t' || c == '\f');
        tok_start_ = pos_ - (c == kEOF ? 0 : 1);
        if (c == '#') {
            while (c != kEOF && c != '\n') c = nextc();
        }
        if (c == kEOF) {
            done_ = true;
            return end_marker();
        }
        if (is_potential_identifier_start(c)) return lex_name(c);
        if (c == '\n') {
            at_bol_ = true;
            if (blank_ || !parens_.empty()) continue;
            return make(Tok::Newline, pos_ - 1, pos_ - 1);
        }
        if (c == '.') {
            c = nextc();
            if (is_digit(c)) return lex_number(c, true);
            if (c == '.') {
                int c2 = nextc();
                if (c2 == '.') return make(Tok::Ellipsis, tok_start_, pos_);
                backup(c2);
            }
            backup(c);
            return make(Tok::Dot, tok_start_, pos_);
        }
        if (is_digit(c)) return lex_number(c, false);
        if (c == '\'' || c == '"') return lex_string(c);
        if (c == '\\') {
            c = nextc();
            if (c != '\n') {
                // E_LINECONT: column just past the character after the backslash.
                SyntaxErrorException ex;
                ex.in_tokenizer = true;
                ex.info =
                    make_error(SyntaxErrorKind::SyntaxError,
                               "unexpected character after line continuation character", lineno_,
                               static_cast<int>(pos_ - line_start_), lineno_, 0, true);
                throw ex;
            }
            c = nextc();
            if (c == kEOF) {
                SyntaxErrorException ex;
                ex.in_tokenizer = true;
                ex.info =
                    make_error(SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing",
                               lineno_, static_cast<int>(pos_ - line_start_), lineno_, 0, true);
                throw ex;
            }
            backup(c);
            continue;  // the next line continues this one (no indentation check)
        }
        // Operators: three, two, then one character.
        {
            int c2 = nextc();
            Tok t2 = two_chars(c, c2);
            if (t2 != Tok::ErrorToken) {
                int c3 = nextc();
                Tok t3 = three_chars(c, c2, c3);
                if (t3 != Tok::ErrorToken) return make(t3, tok_start_, pos_);
                backup(c3);
                return make(t2, tok_start_, pos_);
            }
            backup(c2);
        }
        switch (c) {
            case '(':
            case '[':
            case '{':
                if (static_cast<int>(parens_.size()) >= kMaxLevel) {
                    fail("too many nested parentheses", cur_col_chars(), cur_col_chars());
                }
                parens_.push_back(
                    {static_cast<char>(c), lineno_, static_cast<int>(tok_start_ - line_start_)});
                break;
            case ')':
            case ']':
            case '}': {
                if (parens_.empty()) {
                    fail(std::string("unmatched '") + static_cast<char>(c) + "'", cur_col_chars(),
                         cur_col_chars());
                }
                const OpenParen open = parens_.back();
                parens_.pop_back();
                if (!((open.c == '(' && c == ')') || (open.c == '[' && c == ']') ||
                      (open.c == '{' && c == '}'))) {
                    std::string msg = std::string("closing parenthesis '") + static_cast<char>(c) +
                                      "' does not match opening parenthesis '" + open.c + "'";
                    if (open.lineno != lineno_) msg += " on line " + std::to_string(open.lineno);
                    fail(std::move(msg), cur_col_chars(), cur_col_chars());
                }
                break;
            }
            default:
                break;
        }
        // Any other byte (e.g. '$', '?', '!') is a one-character token the parser rejects.
        return make(one_char(c), tok_start_, pos_);
    }
}

}  // namespace interleave::python
