// Internal to the parser: the recursive-descent Parser shared by parser*.cpp. The rules follow
// CPython 3.11's Grammar/python.gram; `diag_` enables the grammar's invalid_* rules (the second
// pass, run only after the first failed).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "python/parser/ast.hpp"
#include "python/parser/lexer.hpp"
#include "python/parser/parser.hpp"

namespace interleave::python::detail {

// Thrown when a rule fails to match (a generic syntax error once it reaches the top).
struct ParseFail {};

// Tokens that can begin an expression.
bool can_start_expression(Tok t);

// Where an f-string expression's sub-parser puts its tokens (CPython's starting_lineno and
// starting_col_offset): line 1 of the sub-source is `line`, and columns on it shift by `col`.
struct Shift {
    int line = 1;
    int col = 0;
};

class Parser {
  public:
    Parser(std::string_view source, Arena& arena, bool diag, Shift shift = {}, int depth = 0);

    // The second pass: same tokens (already fetched ones are kept, as CPython keeps them),
    // from the start, with the invalid_* diagnoses on.
    void restart_with_diagnoses() {
        pos_ = 0;
        diag_ = true;
        depth_ = 0;
        recursion_ = 0;
        memo_.clear();
        memoize_ = true;
    }
    [[nodiscard]] bool in_fstring() const {
        return shift_.line != 1 || shift_.col != 0 || fstring_;
    }
    void set_fstring() { fstring_ = true; }

    // file: [statements] ENDMARKER. Throws ParseFail or SyntaxErrorException.
    Module* file();

    // The furthest token fetched (CPython's p->tokens[p->fill - 1]), for generic errors.
    [[nodiscard]] const Token& last_fetched() const { return toks_.back(); }
    [[nodiscard]] size_t fetched() const { return toks_.size(); }
    Lexer& lexer() { return lex_; }
    const Lexer& lexer() const { return lex_; }

    // Parses an f-string replacement field's expression: `text` is "(expr)" (CPython wraps the
    // field in parentheses and parses star_expressions); positions are shifted to (line, col).
    // Throws SyntaxErrorException.
    Expr* fstring_expression(std::string_view text, int line, int col, const Token& str_tok);

    // --- errors -------------------------------------------------------------------------------
    // RAISE_SYNTAX_ERROR_KNOWN_LOCATION / KNOWN_RANGE: positions from nodes or tokens.
    // (Out of line and taking string_view, so that rules which may raise keep small frames.)
    [[noreturn]] void raise_at(const Located& a, std::string_view msg,
                               SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError);
    [[noreturn]] void raise_range(const Located& a, const Located& b, std::string_view msg);
    [[noreturn]] void raise_starting_from(const Located& a, std::string_view msg);
    // RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token fetched.
    [[noreturn]] void raise_last(std::string_view msg,
                                 SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError);
    // RAISE_ERROR_KNOWN_LOCATION with explicit byte columns (0-based; end -1 for none).
    [[noreturn]] void raise_cols(int lineno, int col, int end_lineno, int end_col,
                                 std::string_view msg,
                                 SyntaxErrorKind kind = SyntaxErrorKind::SyntaxError);
    [[noreturn]] void fail() { throw ParseFail{}; }
    void adjust_lexer_error(SyntaxErrorInfo& e) const;
    [[noreturn]] void too_deep();

    static Located loc_of(const Token& t);

  private:
    friend struct DepthGuard;
    // --- tokens ---------------------------------------------------------------------------------
    const Token& tok(size_t i) {
        while (toks_.size() <= i) fetch();
        return toks_[i];
    }
    void fetch();
    const Token& peek(size_t k = 0) { return tok(pos_ + k); }
    Tok type(size_t k = 0) { return tok(pos_ + k).type; }
    bool at(Tok t) { return type() == t; }
    bool accept(Tok t) {
        if (type() != t) return false;
        ++pos_;
        return true;
    }
    void expect(Tok t) {
        if (!accept(t)) fail();
    }
    // &&':' — a forced token: "expected ':'" at the current token if it is missing.
    void expect_forced(Tok t);
    bool at_name(std::string_view s) { return at(Tok::Name) && text(peek()) == s; }
    std::string_view text(const Token& t) const { return lex_.text(t); }
    std::string_view name_id(const Token& t) { return arena_.str(text(t)); }

    // The span of the rule that began at token `start` and ended at the last consumed token.
    template <class N>
    N* finish(N* n, size_t start) {
        set_span(*n, start);
        return n;
    }
    void set_span(Located& n, size_t start);
    template <class N>
    N* node(size_t start) {
        return finish(arena_.make<N>(), start);
    }

    // --- statements (parser_stmt.cpp, parser_compound.cpp) -------------------------------------
    void statements(std::vector<Stmt*>& out);
    void statement(std::vector<Stmt*>& out);
    void simple_stmts(std::vector<Stmt*>& out);
    Stmt* simple_stmt();
    Stmt* assignment_or_expr_stmt();
    Stmt* import_stmt();
    Stmt* raise_stmt();
    Stmt* del_stmt();
    Stmt* assert_stmt();
    Stmt* global_stmt(bool nonlocal);
    Stmt* return_stmt();
    Seq<Stmt*> block(const char* what, int what_line);
    Stmt* compound_stmt();
    Stmt* if_stmt(bool elif);
    Seq<Stmt*> else_block();
    Stmt* while_stmt();
    Stmt* for_stmt(size_t start, bool is_async);
    Stmt* with_stmt(size_t start, bool is_async);
    WithItem* with_item();
    Stmt* try_stmt();
    ExceptHandler* except_block(bool star);
    Stmt* function_def(size_t start, Seq<Expr*> decorators, bool is_async);
    Stmt* class_def(size_t start, Seq<Expr*> decorators);
    Stmt* decorated();
    Arguments* parameters(bool lambda);
    Arg* param(bool lambda, bool star_annotation);
    void diagnose_assignment(size_t start);
    void diagnose_block_header(const char* what, int line);

    // --- match (parser_match.cpp) --------------------------------------------------------------
    bool looks_like_match();
    Stmt* match_stmt();
    MatchCase* case_block();
    Pattern* patterns();
    Pattern* pattern();
    Pattern* or_pattern();
    Pattern* closed_pattern();
    Pattern* maybe_star_pattern();
    Expr* literal_expr_for_pattern(bool* is_value);
    Expr* name_or_attr();

    // --- expressions (parser_expr.cpp) ---------------------------------------------------------
  public:
    Expr* star_expressions();
    Expr* expression();
    Expr* named_expression(bool diagnose = true);

  private:
    Expr* star_expression();
    Expr* star_named_expression();
    void star_named_expressions(std::vector<Expr*>& out, Tok close);
    Expr* expressions();
    Expr* yield_expr();
    Expr* disjunction();
    Expr* binary(int min_prec);
    Expr* binary_rest(Expr* left, size_t start, int min_prec);
    Expr* not_expression();
    Expr* conditional(Expr* a, size_t start);
    Expr* starred_bitwise_or();
    Expr* assignment_expression();
    Expr* factor();
    Expr* unary_chain();
    Expr* power();
    Expr* power_rest(Expr* a, size_t start);
    Expr* await_expression();
    Expr* await_primary();
    Expr* primary();
    Expr* primary_tail(Expr* e, size_t start);
    Expr* atom();
    Expr* paren_atom();
    void diagnose_double_starred_group();
    Expr* comprehension_rest(ExprKind kind, Expr* first, size_t start);
    Expr* display_rest(ExprKind kind, Expr* first, size_t start);
    Expr* list_atom();
    Expr* brace_atom();
    Expr* dict_value();
    Expr* dict_rest(Expr* key, Expr* value, size_t start);
    Expr* slices();
    Expr* slice();
    Expr* lambdef();
    Expr* call(Expr* func, size_t start);
    struct CallArgs {
        std::vector<Expr*> args;
        std::vector<Keyword*> keywords;
        bool seen_keyword = false;
        bool seen_double_star = false;
    };
    Expr* call_argument(CallArgs& a, size_t open);
    void diagnose_keyword_genexp(size_t item);
    [[noreturn]] void raise_keyword_constant();
    Seq<Comprehension*> for_if_clauses();
    bool at_for_clause() { return at(Tok::KwFor) || (at(Tok::KwAsync) && type(1) == Tok::KwFor); }
    Expr* star_targets();
    Expr* star_target();
    Expr* target_for_with();
    void diagnose_expression(Expr* a, size_t a_start);
    void diagnose_named_expression(size_t start);
    void diagnose_starred_dict_value();
    void diagnose_with(size_t after_with);

    // --- literals (parser_literals.cpp) --------------------------------------------------------
    Expr* number(const Token& t);
    Expr* strings();

    // Targets: checks and sets the context of an expression used as a target (parser_targets.cpp).
  public:
    enum class TargetKind { Star, For, Del };
    static Expr* invalid_target(Expr* e, TargetKind kind);
    static const char* expr_name(const Expr* e);
    void set_context(Expr* e, ExprContext ctx);
    Expr* as_target(Expr* e, TargetKind kind);

  private:
    Lexer lex_;
    Arena& arena_;
    bool diag_;
    Shift shift_;
    bool fstring_ = false;
    std::vector<Token> toks_;
    size_t pos_ = 0;
    int depth_ = 0;
    int recursion_ = 0;
    // Diagnosis pass: invalid_named_expression already tried at these token indices (CPython
    // memoizes the rule; without it the second pass would be exponential in the nesting).
    std::vector<size_t> memo_;
    // Diagnosis pass: expression() results by (position, diag_), as CPython memoizes its
    // `expression` rule. The diagnoses parse the same sub-expressions several times; without
    // this, a deeply nested failing input costs O(depth^2) parses and exception unwinds.
    struct ExprMemo {
        Expr* e;  // nullptr: the rule failed there
        size_t end;
    };
    std::unordered_map<size_t, ExprMemo> expr_memo_;
    bool memoize_ = false;
    Expr* expression_uncached();
};

// Counts one level of nesting for the life of a rule invocation: one level of the tree
// (depth_, at most kMaxNesting) and one recursive rule on the native stack (recursion_, at most
// kMaxRecursion).
struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) {
        if (++p.depth_ > kMaxNesting || ++p.recursion_ > kMaxRecursion) p.too_deep();
    }
    ~DepthGuard() {
        --p.depth_;
        --p.recursion_;
    }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
};

}  // namespace interleave::python::detail
