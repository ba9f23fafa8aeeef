// The tokenizer, as CPython 3.11's Parser/tokenizer.c: INDENT/DEDENT from a stack of indentation
// columns (tabs to multiples of 8, checked against tabs-as-1 for TabError), implicit line joining
// inside brackets, backslash continuation, comments, every number literal form, string literals
// with any prefix (r b br rb u f rf fr, any case; an f-string is one STRING token, split by the
// parser), keywords as their own token types. Errors are CPython's messages and positions.
//
// The lexer works on demand (the parser pulls tokens), so that, as in CPython, a tokenizer error
// is only reported when the parser gets that far.
//
// Thread safety: one Lexer per parse, used by one thread. Cost: O(length of the source).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "python/parser/syntax_error.hpp"

namespace interleave::python {

enum class Tok : uint8_t {
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    // operators and delimiters
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
    ErrorToken,  // a character that starts no token ('$', '?', '!', '`', control characters)
    // keywords (soft keywords `match`, `case`, `_` are Names)
    KwFalse,
    KwNone,
    KwTrue,
    KwAnd,
    KwAs,
    KwAssert,
    KwAsync,
    KwAwait,
    KwBreak,
    KwClass,
    KwContinue,
    KwDef,
    KwDel,
    KwElif,
    KwElse,
    KwExcept,
    KwFinally,
    KwFor,
    KwFrom,
    KwGlobal,
    KwIf,
    KwImport,
    KwIn,
    KwIs,
    KwLambda,
    KwNonlocal,
    KwNot,
    KwOr,
    KwPass,
    KwRaise,
    KwReturn,
    KwTry,
    KwWhile,
    KwWith,
    KwYield,
};

// The token's spelling for messages: "(" , "if", ... ; "NAME", "NEWLINE" for the others.
const char* spelling_of(Tok t);
inline bool is_keyword(Tok t) {
    return t >= Tok::KwFalse;
}
// The keyword token for `s`, or Tok::Name.
Tok keyword_or_name(std::string_view s);

// Positions as CPython's tokens: lines 1-based, columns 0-based UTF-8 byte offsets in the line.
// NEWLINE has end == start (at its '\n'); INDENT/DEDENT span the indentation; ENDMARKER is at the
// start of the line after the last.
struct Token {
    Tok type = Tok::EndMarker;
    int32_t lineno = 0;
    int32_t col = 0;
    int32_t end_lineno = 0;
    int32_t end_col = 0;
    uint32_t start = 0;  // byte offsets of the token's text in Lexer::source()
    uint32_t end = 0;
    int32_t level = 0;  // bracket nesting after the token (CPython's token->level)
};

class Lexer {
  public:
    // Limits, as CPython 3.11 (tokenizer.h): MAXINDENT, MAXLEVEL.
    static constexpr int kMaxIndent = 100;
    static constexpr int kMaxLevel = 200;

    // `source` must stay alive while the Lexer is used. It is normalised: "\r\n" and "\r" become
    // "\n", a UTF-8 BOM is dropped, a final "\n" is added when missing (as CPython does for string
    // input). Invalid UTF-8 or NUL bytes: the first next() throws a SyntaxErrorException.
    explicit Lexer(std::string_view source);

    // The next token; throws SyntaxErrorException (from_tokenizer set where CPython's tokenizer
    // raised) on a tokenizer error. After EndMarker, returns EndMarker again.
    Token next();

    // The normalised source and token text.
    [[nodiscard]] std::string_view source() const { return src_; }
    [[nodiscard]] std::string_view text(const Token& t) const {
        return std::string_view(src_).substr(t.start, t.end - t.start);
    }
    // Line `lineno` (1-based) without its "\n"; empty past the end.
    [[nodiscard]] std::string_view line(int lineno) const;
    [[nodiscard]] int line_count() const { return static_cast<int>(line_starts_.size()); }
    // The line the tokenizer has read up to (CPython's tok->lineno), and the bracket nesting.
    [[nodiscard]] int current_line() const { return lineno_; }
    [[nodiscard]] int level() const { return static_cast<int>(parens_.size()); }
    // The innermost open bracket: its character, line and byte column (level() > 0).
    struct OpenParen {
        char c;
        int lineno;
        int col;
    };
    [[nodiscard]] const OpenParen& innermost_paren() const { return parens_.back(); }
    // True once the lexer has produced EndMarker (CPython's E_EOF).
    [[nodiscard]] bool at_eof() const { return done_; }
    // Byte column of the read position in the current line (CPython's tok->cur - line_start).
    [[nodiscard]] int cur_col_bytes() const { return static_cast<int>(pos_ - line_start_); }

    // Builds an error with CPython's conventions: byte columns (0-based) converted to 1-based
    // character offsets on line `lineno`; `end_col_byte` < 0 gives end_offset = end_col_byte + 1
    // (CPython's -1 -> 0). `with_newline` puts the line's "\n" at the end of text.
    [[nodiscard]] SyntaxErrorInfo make_error(SyntaxErrorKind kind, std::string msg, int lineno,
                                             int col_byte, int end_lineno, int end_col_byte,
                                             bool with_newline) const;
    // Number of code points in the first `bytes` bytes of line `lineno` (clamped to the line).
    [[nodiscard]] int chars_before(int lineno, int bytes) const;

  private:
    [[noreturn]] void fail(std::string msg, int col_chars, int end_col_chars);
    [[noreturn]] void fail_indent(SyntaxErrorKind kind, const char* msg);
    void check_input();
    bool at_line_start();  // indentation of a new line; false if the line is blank
    Token make(Tok t, size_t start, size_t end);
    Token end_marker();
    Token lex_name(int c);
    Token lex_string(int quote);
    Token lex_number(int c, bool after_dot);
    void verify_end_of_number(int c, const char* kind);
    int decimal_tail();
    int cur_col_chars() const;  // characters from the line start to pos_

    // CPython's tok_nextc/tok_backup: the next byte (kEOF at the end), advancing the line when
    // the first byte of a new line is read; backup(c) steps back over c (nothing for EOF).
    int nextc() {
        if (pos_ >= src_.size()) return -1;
        if (pos_ != line_start_ && src_[pos_ - 1] == '\n') {
            ++lineno_;
            line_start_ = pos_;
        }
        return static_cast<unsigned char>(src_[pos_++]);
    }
    void backup(int c) {
        if (c != -1) --pos_;
    }

    std::string src_;
    std::string input_error_;
    size_t input_error_pos_ = 0;
    std::vector<uint32_t> line_starts_;
    size_t pos_ = 0;
    int lineno_ = 1;
    size_t line_start_ = 0;
    bool at_bol_ = true;
    bool done_ = false;
    bool checked_ = false;
    int pending_ = 0;  // > 0: INDENTs to emit, < 0: DEDENTs
    std::vector<int> indents_{0};
    std::vector<int> alt_indents_{0};
    std::vector<OpenParen> parens_;
    size_t tok_start_ = 0;  // the current token's first byte
    bool blank_ = false;    // the current line holds only whitespace and a comment
};

}  // namespace interleave::python
