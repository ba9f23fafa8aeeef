// f-strings as CPython 3.11 parses them (Parser/string_parser.c: fstring_find_literal,
// fstring_find_expr, fstring_compile_expr, fstring_find_expr_location): the token is scanned for
// literal text and replacement fields; each field's expression is parsed by a sub-parser over
// "(expr)" whose token positions are shifted into the file; conversions !s !r !a, nested format
// specs (two levels), and the self-documenting `=`.
#include <cstring>

#include "python/parser/parser_strings.hpp"

namespace interleave::python::detail {

// Scans one f-string body (or a nested format spec) and feeds a StringParts.
class FStringScanner {
  public:
    FStringScanner(Parser& p, Arena& arena, const StringLiteral& lit, std::string_view token_text,
                   const Token& first, const Token& t, const Token& last)
        : p_(p),
          arena_(arena),
          lit_(lit),
          tt_(token_text),
          first_(first),
          t_(t),
          last_(last),
          s_(lit.body_offset),
          end_(lit.body_offset + lit.body.size()) {}

    // _PyPegen_FstringParser_ConcatFstring
    void concat(StringParts& state, int recurse_lvl) {
        state.fmode_ = true;
        state_kind_ = state.kind_;
        for (;;) {
            std::string literal;
            bool has_literal = false;
            const int result = find_literal(&literal, &has_literal, recurse_lvl);
            if (has_literal) state.last_str_ += literal;
            if (result == 1) continue;
            if (s_ >= end_ || tt_[s_] == '}') break;
            // A replacement field.
            std::string expr_text;
            bool has_text = false;
            Expr* fv = find_expr(recurse_lvl, &expr_text, &has_text);
            if (has_text) state.last_str_ += expr_text;
            if (!state.last_str_.empty()) {
                state.exprs_.push_back(state.str_node(first_, last_));
                state.last_str_.clear();
            }
            state.exprs_.push_back(fv);
        }
        if (recurse_lvl == 0 && s_ < end_) p_.raise_last("f-string: unexpected end of string");
        if (recurse_lvl != 0 && (s_ >= end_ || tt_[s_] != '}')) {
            p_.raise_last("f-string: expecting '}'");
        }
    }

  private:
    // fstring_find_literal: 1 when a doubled brace was un-doubled (scan again), else 0.
    int find_literal(std::string* literal, bool* has_literal, int recurse_lvl) {
        size_t s = s_;
        const size_t literal_start = s;
        int result = 0;
        size_t literal_end;
        for (;;) {
            if (s >= end_) {
                literal_end = s;
                s_ = s;
                break;
            }
            char ch = tt_[s++];
            if (!lit_.raw && ch == '\\' && s < end_) {
                ch = tt_[s++];
                if (ch == 'N') {
                    // \N{...}: its braces are not a replacement field.
                    if (s < end_ && tt_[s++] == '{') {
                        while (s < end_ && tt_[s++] != '}') {
                        }
                        continue;
                    }
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                if (recurse_lvl == 0) {
                    if (s < end_ && tt_[s] == ch) {
                        // A doubled brace: the literal ends after one of them.
                        literal_end = s;
                        s_ = s + 1;
                        result = 1;
                        break;
                    }
                    if (ch == '}') {
                        s_ = s - 1;
                        p_.raise_last("f-string: single '}' is not allowed");
                    }
                }
                --s;
                literal_end = s;
                s_ = s;
                break;
            }
        }
        if (literal_end != literal_start) {
            std::string_view raw = tt_.substr(literal_start, literal_end - literal_start);
            std::string err;
            if (!decode_escapes(raw, lit_.raw, false, literal, &err)) {
                p_.raise_last("(unicode error) " + err);
            }
            *has_literal = !literal->empty();
        }
        return result;
    }

    // fstring_find_expr: s_ is at '{'. Returns the FormattedValue.
    Expr* find_expr(int recurse_lvl, std::string* expr_text, bool* has_text) {
        if (recurse_lvl >= 2) p_.raise_last("f-string: expressions nested too deeply");
        ++s_;  // '{'
        const size_t expr_start = s_;
        char quote_char = 0;
        int string_type = 0;
        std::vector<char> parens;
        while (s_ < end_) {
            const char ch = tt_[s_];
            if (ch == '\\') p_.raise_last("f-string expression part cannot include a backslash");
            if (quote_char) {
                if (ch == quote_char) {
                    if (string_type == 3) {
                        if (s_ + 2 < end_ && tt_[s_ + 1] == ch && tt_[s_ + 2] == ch) {
                            s_ += 3;
                            string_type = 0;
                            quote_char = 0;
                            continue;
                        }
                    } else {
                        s_ += 1;
                        quote_char = 0;
                        string_type = 0;
                        continue;
                    }
                }
                s_ += 1;
                continue;
            }
            if (ch == '\'' || ch == '"') {
                if (s_ + 2 < end_ && tt_[s_ + 1] == ch && tt_[s_ + 2] == ch) {
                    string_type = 3;
                    s_ += 2;
                } else {
                    string_type = 1;
                }
                quote_char = ch;
            } else if (ch == '[' || ch == '{' || ch == '(') {
                if (parens.size() >= 200) p_.raise_last("f-string: too many nested parenthesis");
                parens.push_back(ch);
            } else if (ch == '#') {
                p_.raise_last("f-string expression part cannot include '#'");
            } else if (parens.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' ||
                                          ch == '>' || ch == '<')) {
                if (s_ + 1 < end_) {
                    const char next = tt_[s_ + 1];
                    if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                        (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
                        s_ += 2;
                        continue;
                    }
                }
                if (ch == '>' || ch == '<') {
                    s_ += 1;
                    continue;
                }
                break;
            } else if (ch == ']' || ch == '}' || ch == ')') {
                if (parens.empty()) p_.raise_last(std::string("f-string: unmatched '") + ch + "'");
                const char opening = parens.back();
                parens.pop_back();
                if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                      (opening == '{' && ch == '}'))) {
                    p_.raise_last(std::string("f-string: closing parenthesis '") + ch +
                                  "' does not match opening parenthesis '" + opening + "'");
                }
            }
            s_ += 1;
        }
        const size_t expr_end = s_;
        if (quote_char) p_.raise_last("f-string: unterminated string");
        if (!parens.empty()) {
            p_.raise_last(std::string("f-string: unmatched '") + parens.back() + "'");
        }
        if (s_ >= end_) p_.raise_last("f-string: expecting '}'");

        Expr* value = compile_expr(expr_start, expr_end);

        if (tt_[s_] == '=') {
            s_ += 1;
            while (s_ < end_ && (tt_[s_] == ' ' || tt_[s_] == '\t' || tt_[s_] == '\n' ||
                                 tt_[s_] == '\r' || tt_[s_] == '\f' || tt_[s_] == '\v')) {
                s_ += 1;
            }
            if (s_ >= end_) p_.raise_last("f-string: expecting '}'");
            expr_text->assign(tt_.substr(expr_start, s_ - expr_start));
            *has_text = true;
        }
        int conversion = -1;
        if (tt_[s_] == '!') {
            s_ += 1;
            if (s_ >= end_) p_.raise_last("f-string: expecting '}'");
            conversion = static_cast<unsigned char>(tt_[s_]);
            s_ += 1;
            if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
                p_.raise_last("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
        }
        Expr* format_spec = nullptr;
        if (s_ >= end_) p_.raise_last("f-string: expecting '}'");
        if (tt_[s_] == ':') {
            s_ += 1;
            if (s_ >= end_) p_.raise_last("f-string: expecting '}'");
            // fstring_parse: the spec is itself an f-string one level down, ending at '}'.
            StringParts spec(p_, arena_);
            spec.set_kind(state_kind_);
            concat(spec, recurse_lvl + 1);
            format_spec = spec.finish(t_, t_);
        }
        if (s_ >= end_ || tt_[s_] != '}') p_.raise_last("f-string: expecting '}'");
        s_ += 1;
        if (*has_text && format_spec == nullptr && conversion == -1) conversion = 'r';
        auto* fv = arena_.make<FormattedValue>();
        fv->value = value;
        fv->conversion = conversion;
        fv->format_spec = format_spec;
        fv->lineno = first_.lineno;
        fv->col_offset = first_.col;
        fv->end_lineno = last_.end_lineno;
        fv->end_col_offset = last_.end_col;
        return fv;
    }

    // fstring_compile_expr + fstring_find_expr_location
    Expr* compile_expr(size_t expr_start, size_t expr_end) {
        size_t s = expr_start;
        while (s < expr_end &&
               (tt_[s] == ' ' || tt_[s] == '\t' || tt_[s] == '\n' || tt_[s] == '\f')) {
            ++s;
        }
        if (s == expr_end) {
            const char c = tt_[expr_end];
            if (c == '!' || c == ':' || c == '=') {
                p_.raise_last(std::string("f-string: expression required before '") + c + "'");
            }
            p_.raise_last("f-string: empty expression not allowed");
        }
        // Where the sub-parser's first line sits: lines before the '{', and its column unless a
        // newline directly follows the brace.
        const size_t brace = expr_start - 1;
        int lines = 0, cols = 0;
        bool newline_after_brace = true;
        for (size_t k = brace + 1; k < tt_.size() && tt_[k] != '}' && tt_[k] != '\n'; ++k) {
            if (tt_[k] != ' ' && tt_[k] != '\t' && tt_[k] != '\f') {
                newline_after_brace = false;
                break;
            }
        }
        if (!newline_after_brace) {
            size_t k = brace;
            while (k > 0 && tt_[k] != '\n') --k;
            cols += static_cast<int>(brace - k);
            if (tt_[k] == '\n') cols -= 1;
        }
        for (size_t k = 0; k < brace; ++k) lines += tt_[k] == '\n';
        std::string sub = "(";
        sub.append(tt_.substr(expr_start, expr_end - expr_start));
        sub.push_back(')');
        Shift shift;
        shift.line = t_.lineno + lines;
        // The token's own column counts only when the field is on the token's first line.
        shift.col = (lines == 0 ? t_.col : 0) + cols;
        return parse_fstring_expression(sub, shift);
    }

    Expr* parse_fstring_expression(const std::string& sub, Shift shift);

    Parser& p_;
    Arena& arena_;
    const StringLiteral& lit_;
    std::string_view tt_;
    const Token& first_;
    const Token& t_;
    const Token& last_;
    size_t s_;
    size_t end_;
    std::string_view state_kind_;
};

Expr* FStringScanner::parse_fstring_expression(const std::string& sub, Shift shift) {
    // The sub-source must outlive the sub-parser only; the nodes it makes copy what they keep
    // (names go through the arena).
    return p_.fstring_expression(sub, shift.line, shift.col, t_);
}

Constant* StringParts::str_node(const Token& first, const Token& last) {
    auto* c = arena_.make<Constant>();
    c->value.kind = ConstantKind::Str;
    c->value.text = arena_.str(last_str_);
    c->kind = kind_;
    c->lineno = first.lineno;
    c->col_offset = first.col;
    c->end_lineno = last.end_lineno;
    c->end_col_offset = last.end_col;
    return c;
}

void StringParts::add_fstring(const StringLiteral& lit, const Token& first, const Token& t,
                              const Token& last) {
    FStringScanner sc(p_, arena_, lit, p_.lexer().text(t), first, t, last);
    sc.concat(*this, 0);
}

Expr* StringParts::finish(const Token& first, const Token& last) {
    if (!fmode_) return str_node(first, last);
    if (!last_str_.empty()) {
        exprs_.push_back(str_node(first, last));
        last_str_.clear();
    }
    auto* j = arena_.make<JoinedStr>();
    j->values = arena_.seq(exprs_);
    j->lineno = first.lineno;
    j->col_offset = first.col;
    j->end_lineno = last.end_lineno;
    j->end_col_offset = last.end_col;
    return j;
}

}  // namespace interleave::python::detail
