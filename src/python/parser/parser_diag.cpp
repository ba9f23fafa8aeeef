// The second pass's diagnoses for expressions and assignments: CPython 3.11's
// invalid_expression, invalid_legacy_expression, invalid_named_expression and
// invalid_assignment rules. Each runs only with diag_ set, at the point where the grammar tries
// it, and raises a SyntaxError when its pattern matches; otherwise the input is left untouched.
#include <algorithm>

#include "python/parser/parser_impl.hpp"

namespace interleave::python::detail {

namespace {

bool is_legacy_name(const Expr* e) {
    if (!e->is<Name>()) return false;
    const auto id = e->as<Name>().id;
    return id == "print" || id == "exec";
}

}  // namespace

// invalid_expression and invalid_legacy_expression, tried after `a` (a disjunction starting at
// token `a_start`) was parsed.
void Parser::diagnose_expression(Expr* a, size_t a_start) {
    const size_t save = pos_;
    const Token& first = tok(a_start);
    const bool soft_keyword =
        first.type == Tok::Name &&
        (text(first) == "match" || text(first) == "case" || text(first) == "_");
    const bool name_string = first.type == Tok::Name && tok(a_start + 1).type == Tok::String;
    // !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
    if (!name_string && !soft_keyword && can_start_expression(type())) {
        Expr* b = nullptr;
        diag_ = false;
        try {
            b = expression();
        } catch (const ParseFail&) {
        }
        diag_ = true;
        if (b && !is_legacy_name(a) && tok(pos_ - 1).level > 0) {
            raise_range(*a, *b, "invalid syntax. Perhaps you forgot a comma?");
        }
        pos_ = save;
    }
    // a=disjunction 'if' b=disjunction !('else'|':')
    if (at(Tok::KwIf)) {
        ++pos_;
        Expr* b = nullptr;
        try {
            b = disjunction();
        } catch (const ParseFail&) {
        }
        if (b && !at(Tok::KwElse) && !at(Tok::Colon)) {
            raise_range(*a, *b, "expected 'else' after 'if' expression");
        }
        pos_ = save;
    }
    // invalid_legacy_expression: NAME !'(' star_expressions
    if (is_legacy_name(a) && a_start + 1 == pos_ && !at(Tok::LPar)) {
        Expr* b = nullptr;
        try {
            b = star_expressions();
        } catch (const ParseFail&) {
        }
        if (b) {
            const auto id = a->as<Name>().id;
            raise_range(*a, *b,
                        "Missing parentheses in call to '" + std::string(id) + "'. Did you mean " +
                            std::string(id) + "(...)?");
        }
        pos_ = save;
    }
}

// invalid_named_expression (memoized per position, as CPython's rule is).
void Parser::diagnose_named_expression(size_t start) {
    if (std::find(memo_.begin(), memo_.end(), start) != memo_.end()) return;
    memo_.push_back(start);
    const size_t save = pos_;
    // a=expression ':=' expression
    try {
        Expr* a = expression();
        if (at(Tok::ColonEqual)) {
            ++pos_;
            expression();
            raise_at(*a, std::string("cannot use assignment expressions with ") + expr_name(a));
        }
    } catch (const ParseFail&) {
    }
    pos_ = save;
    // a=NAME '=' b=bitwise_or !('='|':=')
    if (at(Tok::Name) && type(1) == Tok::Equal) {
        const Located name = loc_of(peek());
        pos_ += 2;
        try {
            Expr* b = binary(5);
            if (!at(Tok::Equal) && !at(Tok::ColonEqual)) {
                raise_range(name, *b,
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
        } catch (const ParseFail&) {
        }
        pos_ = save;
    }
    // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
    bool excluded = at(Tok::KwTrue) || at(Tok::KwNone) || at(Tok::KwFalse);
    if (!excluded && (at(Tok::LSqb) || at(Tok::LPar))) {
        const bool bracket = at(Tok::LSqb);
        try {
            Expr* e = bracket ? list_atom() : paren_atom();
            excluded =
                e->is<List>() || e->is<GeneratorExp>() ||
                (e->is<Tuple>() && e->col_offset == tok(save).col && e->lineno == tok(save).lineno);
        } catch (const ParseFail&) {
        }
        pos_ = save;
    }
    if (!excluded) {
        try {
            Expr* a = binary(5);
            if (accept(Tok::Equal)) {
                binary(5);
                if (!at(Tok::Equal) && !at(Tok::ColonEqual)) {
                    raise_at(*a, std::string("cannot assign to ") + expr_name(a) +
                                     " here. Maybe you meant '==' instead of '='?");
                }
            }
        } catch (const ParseFail&) {
        }
        pos_ = save;
    }
}

// invalid_assignment (with the invalid_named_expression it reaches through
// star_named_expression), tried before the statement is parsed normally. Only raises for
// statements that are not valid assignments.
void Parser::diagnose_assignment(size_t start) {
    // Is it a valid statement? Then nothing to diagnose here.
    {
        const bool d = diag_;
        diag_ = false;
        bool ok = false;
        try {
            // Only an assignment's own alternatives keep invalid_assignment from being tried.
            ok = !assignment_or_expr_stmt()->is<ExprStmt>();
        } catch (const ParseFail&) {
        }
        diag_ = d;
        pos_ = start;
        if (ok) return;
    }
    // a=invalid_ann_assign_target ':' expression: list, tuple, or them parenthesized
    {
        try {
            size_t s = pos_;
            int parens = 0;
            while (at(Tok::LPar) && (type(1) == Tok::LPar || type(1) == Tok::LSqb))
                ++pos_, ++parens;
            s = pos_;
            if (at(Tok::LSqb) || at(Tok::LPar)) {
                Expr* a = at(Tok::LSqb) ? list_atom() : paren_atom();
                bool closed = true;
                for (int i = 0; i < parens; ++i) closed = closed && accept(Tok::RPar);
                if (closed && (a->is<List>() || (a->is<Tuple>() && tok(s).type == Tok::LPar)) &&
                    accept(Tok::Colon)) {
                    expression();
                    raise_at(*a, std::string("only single target (not ") + expr_name(a) +
                                     ") can be annotated");
                }
            }
        } catch (const ParseFail&) {
        }
        pos_ = start;
    }
    // a=star_named_expression ',' star_named_expressions* ':' expression
    {
        try {
            Expr* a = star_named_expression();
            if (accept(Tok::Comma)) {
                while (can_start_expression(type()) || at(Tok::Star)) {
                    star_named_expression();
                    if (!accept(Tok::Comma)) break;
                }
                if (accept(Tok::Colon)) {
                    expression();
                    raise_at(*a, "only single target (not tuple) can be annotated");
                }
            }
        } catch (const ParseFail&) {
        }
        pos_ = start;
    }
    // a=expression ':' expression
    {
        try {
            Expr* a = expression();
            if (accept(Tok::Colon)) {
                expression();
                raise_at(*a, "illegal target for annotation");
            }
        } catch (const ParseFail&) {
        }
        pos_ = start;
    }
    // (star_targets '=')* a=star_expressions '='  |  (star_targets '=')* a=yield_expr '='
    {
        try {
            for (;;) {
                const size_t seg = pos_;
                if (at(Tok::KwYield)) {
                    Expr* y = yield_expr();
                    if (at(Tok::Equal)) raise_at(*y, "assignment to yield expression not possible");
                    break;
                }
                bool d = diag_;
                diag_ = false;
                Expr* a = nullptr;
                try {
                    a = star_expressions();
                } catch (const ParseFail&) {
                }
                diag_ = d;
                if (!a) {
                    pos_ = seg;
                    star_expressions();  // with diagnoses, to raise what it finds
                    break;
                }
                if (!accept(Tok::Equal)) break;
                if (Expr* bad = invalid_target(a, TargetKind::Star)) {
                    raise_at(*bad, std::string("cannot assign to ") + expr_name(bad));
                }
            }
        } catch (const ParseFail&) {
        }
        pos_ = start;
    }
    // a=star_expressions augassign (yield_expr | star_expressions)
    {
        try {
            Expr* a = star_expressions();
            const Tok t = type();
            if (t == Tok::PlusEqual || t == Tok::MinEqual || t == Tok::StarEqual ||
                t == Tok::AtEqual || t == Tok::SlashEqual || t == Tok::PercentEqual ||
                t == Tok::AmperEqual || t == Tok::VBarEqual || t == Tok::CircumflexEqual ||
                t == Tok::LeftShiftEqual || t == Tok::RightShiftEqual ||
                t == Tok::DoubleStarEqual || t == Tok::DoubleSlashEqual) {
                ++pos_;
                if (at(Tok::KwYield)) {
                    yield_expr();
                } else {
                    star_expressions();
                }
                raise_at(*a, std::string("'") + expr_name(a) +
                                 "' is an illegal expression for augmented assignment");
            }
        } catch (const ParseFail&) {
        }
        pos_ = start;
    }
}

}  // namespace interleave::python::detail
