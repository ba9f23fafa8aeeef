// parse(): the two passes and CPython 3.11's rules for which error wins (Parser/pegen.c
// _PyPegen_run_parser, Parser/pegen_errors.c _PyPegen_set_syntax_error and
// _PyPegen_tokenize_full_source_to_check_for_errors), and the Parser's token and error helpers.
#include "python/parser/parser.hpp"

#include "python/parser/parser_impl.hpp"

namespace interleave::python {

const char* name_of(SyntaxErrorKind k) {
    switch (k) {
        case SyntaxErrorKind::SyntaxError:
            return "SyntaxError";
        case SyntaxErrorKind::IndentationError:
            return "IndentationError";
        case SyntaxErrorKind::TabError:
            return "TabError";
        case SyntaxErrorKind::RecursionError:
            return "RecursionError";
    }
    return "SyntaxError";
}

namespace detail {

Parser::Parser(std::string_view source, Arena& arena, bool diag, Shift shift, int depth)
    : lex_(source), arena_(arena), diag_(diag), shift_(shift), depth_(depth), recursion_(depth) {}

void Parser::fetch() {
    Token t = lex_.next();
    if (shift_.line != 1 || shift_.col != 0) {
        // As _PyPegen_fill_token for an f-string expression's parser.
        if (t.lineno == 1) t.col += shift_.col;
        if (t.end_lineno == 1) t.end_col += shift_.col;
        t.lineno += shift_.line - 1;
        t.end_lineno += shift_.line - 1;
    }
    toks_.push_back(t);
}

Located Parser::loc_of(const Token& t) {
    Located l;
    l.lineno = t.lineno;
    l.col_offset = t.col;
    l.end_lineno = t.end_lineno;
    l.end_col_offset = t.end_col;
    return l;
}

void Parser::set_span(Located& n, size_t start) {
    const Token& s = tok(start);
    n.lineno = s.lineno;
    n.col_offset = s.col;
    // The last consumed token that is not NEWLINE/INDENT/DEDENT/ENDMARKER.
    size_t e = pos_ > 0 ? pos_ - 1 : 0;
    while (e > 0 && (toks_[e].type == Tok::Newline || toks_[e].type == Tok::Indent ||
                     toks_[e].type == Tok::Dedent || toks_[e].type == Tok::EndMarker)) {
        --e;
    }
    n.end_lineno = toks_[e].end_lineno;
    n.end_col_offset = toks_[e].end_col;
}

void Parser::expect_forced(Tok t) {
    if (accept(t)) return;
    raise_at(loc_of(peek()), std::string("expected '") + spelling_of(t) + "'");
}

// RAISE_ERROR_KNOWN_LOCATION: columns are 0-based bytes here, +1 as CPython does; an end column
// of -1 becomes 0.
void Parser::raise_cols(int lineno, int col, int end_lineno, int end_col, std::string_view msg,
                        SyntaxErrorKind kind) {
    SyntaxErrorException ex;
    std::string m(msg);
    int ln = lineno, eln = end_lineno;
    if (in_fstring()) m = "f-string: " + m;
    // The source line holding the error: the tokenizer's current line gets its "\n".
    const bool with_nl = lex_.current_line() + shift_.line - 1 <= lineno;
    const int local = ln - (shift_.line - 1);
    // In an f-string expression CPython reports columns of the "(expr)" sub-source.
    if (local == 1) col -= shift_.col;
    if (eln - (shift_.line - 1) == 1 && end_col >= 0) end_col -= shift_.col;
    ex.info = lex_.make_error(kind, std::move(m), local, col + 1, local, end_col + 1, with_nl);
    ex.info.lineno = ln;
    ex.info.end_lineno = eln;
    throw ex;
}

void Parser::raise_at(const Located& a, std::string_view msg, SyntaxErrorKind kind) {
    raise_cols(a.lineno, a.col_offset, a.end_lineno, a.end_col_offset, msg, kind);
}

void Parser::raise_range(const Located& a, const Located& b, std::string_view msg) {
    raise_cols(a.lineno, a.col_offset, b.end_lineno, b.end_col_offset, msg);
}

void Parser::raise_starting_from(const Located& a, std::string_view msg) {
    // The end is the tokenizer's current position (CURRENT_POS).
    raise_cols(a.lineno, a.col_offset, lex_.current_line() + shift_.line - 1,
               lex_.cur_col_bytes() - 1, msg);
}

// _PyPegen_raise_error: at the furthest token fetched; INDENT/DEDENT have no column, so the
// tokenizer's position is used (and no end).
void Parser::raise_last(std::string_view msg, SyntaxErrorKind kind) {
    const Token& t = toks_.back();
    if (t.type == Tok::Indent || t.type == Tok::Dedent) {
        SyntaxErrorException ex;
        const int line = lex_.current_line();
        ex.info =
            lex_.make_error(kind, std::string(msg), line, lex_.cur_col_bytes(), line, -1, true);
        ex.info.end_offset = -1;
        throw ex;
    }
    if (t.type == Tok::EndMarker) {
        // No column either: the end of the input on the last line.
        SyntaxErrorException ex;
        const int line = lex_.current_line();
        ex.info =
            lex_.make_error(kind, std::string(msg), line, lex_.cur_col_bytes(), line, -1, true);
        ex.info.end_offset = -1;
        throw ex;
    }
    raise_cols(t.lineno, t.col, t.end_lineno, t.end_col, msg, kind);
}

void Parser::too_deep() {
    SyntaxErrorException ex;
    const Token& t = toks_.empty() ? tok(0) : peek();
    ex.info = lex_.make_error(SyntaxErrorKind::RecursionError,
                              "maximum recursion depth exceeded during compilation", t.lineno,
                              t.col + 1, t.end_lineno, t.end_col + 1, true);
    throw ex;
}

Module* Parser::file() {
    std::vector<Stmt*> body;
    statements(body);
    if (!at(Tok::EndMarker)) fail();
    auto* m = arena_.make<Module>();
    m->body = arena_.seq(body);
    return m;
}

}  // namespace detail

namespace {

SyntaxErrorInfo unclosed_bracket(const Lexer& lex) {
    const auto& open = lex.innermost_paren();
    return lex.make_error(SyntaxErrorKind::SyntaxError,
                          std::string("'") + open.c + "' was never closed", open.lineno,
                          open.col + 1, open.lineno, 0, lex.current_line() <= open.lineno);
}

// _PyPegen_tokenize_full_source_to_check_for_errors: after a parser error, the rest of the
// source is tokenized; a tokenizer error there wins, and so does a bracket left open on a line
// before the error's.
void check_rest_of_source(detail::Parser& p, SyntaxErrorInfo& err) {
    const int err_line = p.last_fetched().lineno;
    Lexer& lex = p.lexer();
    try {
        for (;;) {
            Token t = lex.next();
            if (t.type == Tok::EndMarker) break;
        }
    } catch (const SyntaxErrorException& e) {
        if (!(lex.level() > 0 && err_line > lex.innermost_paren().lineno)) {
            if (e.from_tokenizer) err = e.info;
            return;
        }
    }
    if (lex.level() > 0 && err_line > lex.innermost_paren().lineno) err = unclosed_bracket(lex);
}

}  // namespace

namespace detail {

// _PyPegen_run_parser: the first pass; on failure a second pass with the diagnoses, then
// _PyPegen_set_syntax_error's choice of error. true when `rule` succeeded.
template <class Rule>
bool run_parser(Parser& p, Rule&& rule, SyntaxErrorInfo* err) {
    try {
        try {
            rule();
            return true;
        } catch (const ParseFail&) {
            // Second pass; the generic error uses the first pass's furthest token.
            const Token last = p.last_fetched();
            p.restart_with_diagnoses();
            try {
                rule();
                throw ParseFail{};  // cannot succeed where the first pass failed
            } catch (const ParseFail&) {
                const Lexer& lex = p.lexer();
                if (last.type == Tok::EndMarker && lex.level() > 0) {
                    *err = unclosed_bracket(lex);
                } else if (last.type == Tok::Indent || last.type == Tok::Dedent) {
                    try {
                        p.raise_last(
                            last.type == Tok::Indent ? "unexpected indent" : "unexpected unindent",
                            SyntaxErrorKind::IndentationError);
                    } catch (const SyntaxErrorException& e) {
                        *err = e.info;
                    }
                } else {
                    try {
                        p.raise_at(Parser::loc_of(last), "invalid syntax");
                    } catch (const SyntaxErrorException& e) {
                        *err = e.info;
                    }
                    check_rest_of_source(p, *err);
                }
            }
        }
    } catch (const SyntaxErrorException& e) {
        *err = e.info;
        if (e.in_tokenizer) {
            p.adjust_lexer_error(*err);
        } else if (e.info.kind != SyntaxErrorKind::RecursionError) {
            // A parser error can still be replaced by a tokenizer error later in the source.
            check_rest_of_source(p, *err);
        }
    }
    return false;
}

// An f-string replacement field: star_expressions over "(text)" with shifted positions.
Expr* Parser::fstring_expression(std::string_view text, int line, int col, const Token& /*t*/) {
    Shift shift;
    shift.line = line;
    shift.col = col;
    Parser sub(text, arena_, false, shift, depth_);
    sub.set_fstring();
    Expr* result = nullptr;
    SyntaxErrorInfo err;
    if (run_parser(
            sub, [&] { result = sub.star_expressions(); }, &err))
        return result;
    SyntaxErrorException ex;
    ex.info = std::move(err);
    throw ex;
}

// Errors the lexer raised inside an f-string expression carry the sub-source's lines.
void Parser::adjust_lexer_error(SyntaxErrorInfo& e) const {
    if (shift_.line == 1) return;
    e.lineno += shift_.line - 1;
    e.end_lineno += shift_.line - 1;
}

}  // namespace detail

ParseResult parse(std::string_view source, std::string_view filename) {
    ParseResult r;
    r.arena_ = std::make_unique<Arena>();
    detail::Parser p(source, *r.arena_, false);
    SyntaxErrorInfo err;
    try {
        if (detail::run_parser(
                p, [&] { r.module_ = p.file(); }, &err))
            return r;
    } catch (const std::bad_alloc&) {
        err = SyntaxErrorInfo{};
        err.kind = SyntaxErrorKind::RecursionError;
        err.msg = "out of memory while parsing";
    }
    r.module_ = nullptr;
    r.error_ = std::move(err);
    r.error_.filename.assign(filename);
    return r;
}

}  // namespace interleave::python
