// Internal to the parser: string literal pieces shared by parser_literals.cpp and
// parser_fstring.cpp (CPython 3.11's Parser/string_parser.c).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "python/parser/parser_impl.hpp"

namespace interleave::python::detail {

// A STRING token split into its prefix flags and body (between the quotes).
struct StringLiteral {
    bool bytes = false;
    bool raw = false;
    bool fstring = false;
    std::string_view body;
    size_t body_offset = 0;  // index of the body in the token text
};
StringLiteral split_string_token(std::string_view token_text);

// Escape decoding of a str (UTF-8 out) or bytes body; false with CPython's codec message
// ("'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape").
bool decode_escapes(std::string_view body, bool raw, bool bytes, std::string* out,
                    std::string* err);

// CPython's FstringParser: the pieces of an implicitly concatenated string, literal text merged,
// FormattedValues in between.
class StringParts {
  public:
    StringParts(Parser& p, Arena& arena) : p_(p), arena_(arena) {}

    // Literal text (empty text adds nothing).
    void add_literal(std::string_view s) { last_str_ += s; }
    // One f-string token `t` of the concatenation first..last (recursion 0: the top level).
    void add_fstring(const StringLiteral& lit, const Token& first, const Token& t,
                     const Token& last);
    // The Constant (no f-string seen) or JoinedStr for the whole concatenation.
    Expr* finish(const Token& first, const Token& last);
    // Constant.kind of the str nodes ("u" when the first token starts with a lowercase u).
    void set_kind(std::string_view kind) { kind_ = kind; }

  private:
    friend class FStringScanner;
    Constant* str_node(const Token& first, const Token& last);

    Parser& p_;
    Arena& arena_;
    bool fmode_ = false;
    std::string last_str_;
    std::vector<Expr*> exprs_;
    std::string_view kind_;
};

}  // namespace interleave::python::detail
