// Statements: the statement loop, simple statements (assignment, expression, import, raise,
// del, assert, global, nonlocal, return, pass, break, continue), as CPython 3.11's grammar.
#include "engine/runtime.hpp"
#include "python/parser/parser_impl.hpp"

namespace interleave::python::detail {

// statements: statement+ (until the end of the block or file)
void Parser::statements(std::vector<Stmt*>& out) {
    while (!at(Tok::EndMarker) && !at(Tok::Dedent)) statement(out);
}

// statement: compound_stmt | simple_stmts
void Parser::statement(std::vector<Stmt*>& out) {
    engine::answer_heartbeat();  // a long module is parsed without a checkpoint
    if (Stmt* s = compound_stmt()) {
        out.push_back(s);
        return;
    }
    simple_stmts(out);
}

// simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
void Parser::simple_stmts(std::vector<Stmt*>& out) {
    out.push_back(simple_stmt());
    while (accept(Tok::Semi)) {
        if (at(Tok::Newline)) break;
        out.push_back(simple_stmt());
    }
    expect(Tok::Newline);
}

Stmt* Parser::simple_stmt() {
    DepthGuard g(*this);
    const size_t start = pos_;
    switch (type()) {
        case Tok::KwReturn:
            return return_stmt();
        case Tok::KwImport:
        case Tok::KwFrom:
            return import_stmt();
        case Tok::KwRaise:
            return raise_stmt();
        case Tok::KwPass:
            ++pos_;
            return node<Pass>(start);
        case Tok::KwBreak:
            ++pos_;
            return node<Break>(start);
        case Tok::KwContinue:
            ++pos_;
            return node<Continue>(start);
        case Tok::KwDel:
            return del_stmt();
        case Tok::KwAssert:
            return assert_stmt();
        case Tok::KwGlobal:
            return global_stmt(false);
        case Tok::KwNonlocal:
            return global_stmt(true);
        case Tok::KwYield: {
            // yield_stmt, or an assignment whose first target is a yield (an error).
            Expr* y = yield_expr();
            if (at(Tok::Equal)) {
                if (diag_) raise_at(*y, "assignment to yield expression not possible");
                fail();
            }
            auto* s = arena_.make<ExprStmt>();
            s->value = y;
            return finish(s, start);
        }
        default:
            return assignment_or_expr_stmt();
    }
}

namespace {

bool aug_operator(Tok t, Operator* op) {
    switch (t) {
        case Tok::PlusEqual:
            *op = Operator::Add;
            return true;
        case Tok::MinEqual:
            *op = Operator::Sub;
            return true;
        case Tok::StarEqual:
            *op = Operator::Mult;
            return true;
        case Tok::AtEqual:
            *op = Operator::MatMult;
            return true;
        case Tok::SlashEqual:
            *op = Operator::Div;
            return true;
        case Tok::PercentEqual:
            *op = Operator::Mod;
            return true;
        case Tok::AmperEqual:
            *op = Operator::BitAnd;
            return true;
        case Tok::VBarEqual:
            *op = Operator::BitOr;
            return true;
        case Tok::CircumflexEqual:
            *op = Operator::BitXor;
            return true;
        case Tok::LeftShiftEqual:
            *op = Operator::LShift;
            return true;
        case Tok::RightShiftEqual:
            *op = Operator::RShift;
            return true;
        case Tok::DoubleStarEqual:
            *op = Operator::Pow;
            return true;
        case Tok::DoubleSlashEqual:
            *op = Operator::FloorDiv;
            return true;
        default:
            return false;
    }
}

bool is_single_target(const Expr* e) {
    return e->is<Name>() || e->is<Attribute>() || e->is<Subscript>();
}

}  // namespace

// assignment | star_expressions: the left side is parsed as an expression, then checked as a
// target once '=', ':' or an augmented operator shows it is one.
Stmt* Parser::assignment_or_expr_stmt() {
    const size_t start = pos_;
    if (diag_) diagnose_assignment(start);
    // NAME ':' expression ['=' annotated_rhs]
    if (at(Tok::Name) && type(1) == Tok::Colon) {
        auto* target = arena_.make<Name>();
        target->id = name_id(peek());
        target->ctx = ExprContext::Store;
        ++pos_;
        finish(target, start);
        ++pos_;
        auto* a = arena_.make<AnnAssign>();
        a->target = target;
        a->annotation = expression();
        a->simple = 1;
        if (accept(Tok::Equal)) a->value = at(Tok::KwYield) ? yield_expr() : star_expressions();
        return finish(a, start);
    }
    Expr* e = star_expressions();
    if (at(Tok::Colon)) {
        // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' ...]
        const bool parenthesized = tok(start).type == Tok::LPar;
        if (!(e->is<Attribute>() || e->is<Subscript>() || (parenthesized && e->is<Name>()))) fail();
        ++pos_;
        set_context(e, ExprContext::Store);
        auto* a = arena_.make<AnnAssign>();
        a->target = e;
        a->annotation = expression();
        a->simple = 0;
        if (accept(Tok::Equal)) a->value = at(Tok::KwYield) ? yield_expr() : star_expressions();
        return finish(a, start);
    }
    if (at(Tok::Equal)) {
        std::vector<Expr*> targets;
        Expr* value = e;
        while (accept(Tok::Equal)) {
            if (!as_target(value, TargetKind::Star)) fail();
            targets.push_back(value);
            value = at(Tok::KwYield) ? yield_expr() : star_expressions();
        }
        auto* a = arena_.make<Assign>();
        a->targets = arena_.seq(targets);
        a->value = value;
        return finish(a, start);
    }
    Operator op;
    if (aug_operator(type(), &op)) {
        if (!is_single_target(e)) fail();
        ++pos_;
        set_context(e, ExprContext::Store);
        auto* a = arena_.make<AugAssign>();
        a->target = e;
        a->op = op;
        a->value = at(Tok::KwYield) ? yield_expr() : star_expressions();
        return finish(a, start);
    }
    auto* s = arena_.make<ExprStmt>();
    s->value = e;
    return finish(s, start);
}

// return_stmt: 'return' [star_expressions]
Stmt* Parser::return_stmt() {
    const size_t start = pos_;
    ++pos_;
    auto* r = arena_.make<Return>();
    if (can_start_expression(type()) || at(Tok::Star)) r->value = star_expressions();
    return finish(r, start);
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
Stmt* Parser::raise_stmt() {
    const size_t start = pos_;
    ++pos_;
    auto* r = arena_.make<Raise>();
    if (can_start_expression(type())) {
        r->exc = expression();
        if (accept(Tok::KwFrom)) r->cause = expression();
    }
    return finish(r, start);
}

// global_stmt / nonlocal_stmt: ','.NAME+
Stmt* Parser::global_stmt(bool nonlocal) {
    const size_t start = pos_;
    ++pos_;
    std::vector<std::string_view> names;
    do {
        if (!at(Tok::Name)) fail();
        names.push_back(name_id(peek()));
        ++pos_;
    } while (accept(Tok::Comma));
    if (nonlocal) {
        auto* n = arena_.make<Nonlocal>();
        n->names = arena_.seq(names);
        return finish(n, start);
    }
    auto* g = arena_.make<Global>();
    g->names = arena_.seq(names);
    return finish(g, start);
}

// del_stmt: 'del' del_targets &(';' | NEWLINE)
Stmt* Parser::del_stmt() {
    const size_t start = pos_;
    ++pos_;
    std::vector<Expr*> targets;
    try {
        do {
            if (at(Tok::Semi) || at(Tok::Newline)) break;
            Expr* t = primary();
            if (!as_target(t, TargetKind::Del)) fail();
            targets.push_back(t);
        } while (accept(Tok::Comma));
        if (targets.empty() || !(at(Tok::Semi) || at(Tok::Newline))) fail();
    } catch (const ParseFail&) {
        if (diag_) {
            // invalid_del_stmt: 'del' star_expressions
            pos_ = start + 1;
            Expr* e = nullptr;
            try {
                e = star_expressions();
            } catch (const ParseFail&) {
            }
            if (e) {
                if (Expr* bad = invalid_target(e, TargetKind::Del)) {
                    raise_at(*bad, std::string("cannot delete ") + expr_name(bad));
                }
            }
        }
        throw;
    }
    auto* d = arena_.make<Delete>();
    d->targets = arena_.seq(targets);
    return finish(d, start);
}

// assert_stmt: 'assert' expression [',' expression]
Stmt* Parser::assert_stmt() {
    const size_t start = pos_;
    ++pos_;
    auto* a = arena_.make<Assert>();
    a->test = expression();
    if (accept(Tok::Comma)) a->msg = expression();
    return finish(a, start);
}

// import_name | import_from
Stmt* Parser::import_stmt() {
    const size_t start = pos_;
    // dotted_name: NAME ('.' NAME)*, joined with dots.
    auto dotted_name = [&]() -> std::string_view {
        if (!at(Tok::Name)) fail();
        std::string joined(text(peek()));
        ++pos_;
        while (at(Tok::Dot) && type(1) == Tok::Name) {
            joined += '.';
            joined += text(peek(1));
            pos_ += 2;
        }
        return arena_.str(joined);
    };
    auto as_name = [&](Alias* a) {
        if (accept(Tok::KwAs)) {
            if (!at(Tok::Name)) fail();
            a->asname = name_id(peek());
            ++pos_;
        }
    };
    if (accept(Tok::KwImport)) {
        std::vector<Alias*> names;
        do {
            const size_t s = pos_;
            auto* a = arena_.make<Alias>();
            a->name = dotted_name();
            as_name(a);
            names.push_back(finish(a, s));
        } while (accept(Tok::Comma));
        auto* i = arena_.make<Import>();
        i->names = arena_.seq(names);
        return finish(i, start);
    }
    expect(Tok::KwFrom);
    auto* i = arena_.make<ImportFrom>();
    int level = 0;
    for (;;) {
        if (accept(Tok::Dot)) {
            level += 1;
        } else if (accept(Tok::Ellipsis)) {
            level += 3;
        } else {
            break;
        }
    }
    if (!at(Tok::KwImport))
        i->module = dotted_name();
    else if (level == 0)
        fail();
    i->level = level;
    expect(Tok::KwImport);
    std::vector<Alias*> names;
    if (at(Tok::Star)) {
        const size_t s = pos_;
        ++pos_;
        auto* a = arena_.make<Alias>();
        a->name = "*";
        names.push_back(finish(a, s));
    } else {
        const bool paren = accept(Tok::LPar);
        for (;;) {
            if (!at(Tok::Name)) fail();
            const size_t s = pos_;
            auto* a = arena_.make<Alias>();
            a->name = name_id(peek());
            ++pos_;
            as_name(a);
            names.push_back(finish(a, s));
            if (!accept(Tok::Comma)) break;
            if (paren && at(Tok::RPar)) break;
            if (!paren && at(Tok::Newline)) {
                if (diag_) raise_last("trailing comma not allowed without surrounding parentheses");
                fail();
            }
        }
        if (paren) expect(Tok::RPar);
    }
    i->names = arena_.seq(names);
    return finish(i, start);
}

}  // namespace interleave::python::detail
