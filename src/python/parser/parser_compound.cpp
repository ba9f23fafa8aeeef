// Compound statements: if, while, for, with, try, def, class, decorators, async forms, blocks,
// with CPython 3.11's "expected ':'" and "expected an indented block after ..." diagnoses.
#include <string>

#include "python/parser/parser_impl.hpp"

namespace interleave::python::detail {

// compound_stmt, or nullptr when the statement is a simple one.
Stmt* Parser::compound_stmt() {
    const size_t start = pos_;
    switch (type()) {
        case Tok::KwDef:
            return function_def(start, {}, false);
        case Tok::At:
            return decorated();
        case Tok::KwIf:
            return if_stmt(false);
        case Tok::KwClass:
            return class_def(start, {});
        case Tok::KwWith:
            return with_stmt(start, false);
        case Tok::KwFor:
            return for_stmt(start, false);
        case Tok::KwTry:
            return try_stmt();
        case Tok::KwWhile:
            return while_stmt();
        case Tok::KwAsync:
            switch (type(1)) {
                case Tok::KwDef:
                    ++pos_;
                    return function_def(start, {}, true);
                case Tok::KwWith:
                    ++pos_;
                    return with_stmt(start, true);
                case Tok::KwFor:
                    ++pos_;
                    return for_stmt(start, true);
                default:
                    fail();
            }
        case Tok::Name:
            if (at_name("match") && looks_like_match()) {
                // A soft keyword: when the match statement does not parse, `match` is a name.
                try {
                    return match_stmt();
                } catch (const ParseFail&) {
                    pos_ = start;
                }
            }
            return nullptr;
        default:
            return nullptr;
    }
}

// The diagnoses around a block: "expected ':'" when the header ends instead, and the
// IndentationError when no indented block follows the header's NEWLINE.
void Parser::diagnose_block_header(const char* what, int line) {
    if (!diag_) return;
    if (at(Tok::Newline) && type(1) != Tok::Indent) {
        raise_last("expected an indented block after " + std::string(what) + " on line " +
                       std::to_string(line),
                   SyntaxErrorKind::IndentationError);
    }
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
Seq<Stmt*> Parser::block(const char* what, int what_line) {
    DepthGuard g(*this);
    diagnose_block_header(what, what_line);
    std::vector<Stmt*> body;
    if (accept(Tok::Newline)) {
        if (!accept(Tok::Indent)) {
            if (diag_) raise_last("expected an indented block", SyntaxErrorKind::IndentationError);
            fail();
        }
        statements(body);
        expect(Tok::Dedent);
    } else {
        simple_stmts(body);
    }
    return arena_.seq(body);
}

namespace {

// The colon after a header whose rule has a plain ':' and an invalid_* rule for NEWLINE.
}  // namespace

// if_stmt / elif_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
Stmt* Parser::if_stmt(bool elif) {
    const size_t start = pos_;
    const int line = peek().lineno;
    ++pos_;  // 'if' or 'elif'
    auto* s = arena_.make<If>();
    s->test = named_expression();
    if (!accept(Tok::Colon)) {
        if (diag_ && at(Tok::Newline)) raise_last("expected ':'");
        fail();
    }
    s->body = block(elif ? "'elif' statement" : "'if' statement", line);
    if (at(Tok::KwElif)) {
        Stmt* e = if_stmt(true);
        s->orelse = arena_.seq1(e);
    } else if (at(Tok::KwElse)) {
        s->orelse = else_block();
    }
    return finish(s, start);
}

// else_block: 'else' &&':' block
Seq<Stmt*> Parser::else_block() {
    const int line = peek().lineno;
    ++pos_;
    expect_forced(Tok::Colon);
    return block("'else' statement", line);
}

// while_stmt: 'while' named_expression ':' block [else_block]
Stmt* Parser::while_stmt() {
    const size_t start = pos_;
    const int line = peek().lineno;
    ++pos_;
    auto* s = arena_.make<While>();
    s->test = named_expression();
    if (!accept(Tok::Colon)) {
        if (diag_ && at(Tok::Newline)) raise_last("expected ':'");
        fail();
    }
    s->body = block("'while' statement", line);
    if (at(Tok::KwElse)) s->orelse = else_block();
    return finish(s, start);
}

// for_stmt: [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
Stmt* Parser::for_stmt(size_t start, bool is_async) {
    const int line = peek().lineno;
    ++pos_;  // 'for'
    const size_t tstart = pos_;
    Expr* target = nullptr;
    try {
        target = star_targets();
        if (!at(Tok::KwIn)) fail();
    } catch (const ParseFail&) {
        if (diag_) {
            // invalid_for_target: ASYNC? 'for' star_expressions
            pos_ = tstart;
            Expr* e = nullptr;
            try {
                e = star_expressions();
            } catch (const ParseFail&) {
            }
            if (e) {
                if (Expr* bad = invalid_target(e, TargetKind::For)) {
                    raise_at(*bad, std::string("cannot assign to ") + expr_name(bad));
                }
            }
        }
        throw;
    }
    ++pos_;  // 'in'
    Expr* iter = star_expressions();
    if (!accept(Tok::Colon)) {
        if (diag_ && at(Tok::Newline)) raise_last("expected ':'");
        fail();
    }
    Seq<Stmt*> body = block("'for' statement", line);
    Seq<Stmt*> orelse;
    if (at(Tok::KwElse)) orelse = else_block();
    if (is_async) {
        auto* s = arena_.make<AsyncFor>();
        s->target = target, s->iter = iter, s->body = body, s->orelse = orelse;
        return finish(s, start);
    }
    auto* s = arena_.make<For>();
    s->target = target, s->iter = iter, s->body = body, s->orelse = orelse;
    return finish(s, start);
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
WithItem* Parser::with_item() {
    auto* w = arena_.make<WithItem>();
    w->context_expr = expression();
    if (accept(Tok::KwAs)) {
        const size_t tstart = pos_;
        try {
            w->optional_vars = target_for_with();
        } catch (const ParseFail&) {
            if (diag_) {
                // invalid_with_item: expression 'as' expression &(',' | ')' | ':')
                pos_ = tstart;
                Expr* e = nullptr;
                try {
                    e = expression();
                } catch (const ParseFail&) {
                }
                if (e && (at(Tok::Comma) || at(Tok::RPar) || at(Tok::Colon))) {
                    if (Expr* bad = invalid_target(e, TargetKind::Star)) {
                        raise_at(*bad, std::string("cannot assign to ") + expr_name(bad));
                    }
                }
            }
            throw;
        }
    }
    return w;
}

// with_stmt: [ASYNC] 'with' ('(' ','.with_item+ ','? ')' | ','.with_item+) ':' block
Stmt* Parser::with_stmt(size_t start, bool is_async) {
    const int line = peek().lineno;
    ++pos_;  // 'with'
    if (diag_) diagnose_with(pos_);
    std::vector<WithItem*> items;
    bool parsed = false;
    if (at(Tok::LPar)) {
        // The parenthesized form first; on failure, the parentheses belong to an expression.
        const size_t save = pos_;
        try {
            ++pos_;
            do {
                if (at(Tok::RPar)) break;
                items.push_back(with_item());
            } while (accept(Tok::Comma));
            expect(Tok::RPar);
            if (!at(Tok::Colon)) {
                if (diag_ && at(Tok::Newline)) raise_last("expected ':'");
                fail();
            }
            parsed = !items.empty();
        } catch (const ParseFail&) {
        }
        if (!parsed) {
            items.clear();
            pos_ = save;
        }
    }
    if (!parsed) {
        do items.push_back(with_item());
        while (accept(Tok::Comma));
    }
    if (!accept(Tok::Colon)) {
        if (diag_ && at(Tok::Newline)) raise_last("expected ':'");
        fail();
    }
    Seq<Stmt*> body = block("'with' statement", line);
    if (is_async) {
        auto* s = arena_.make<AsyncWith>();
        s->items = arena_.seq(items), s->body = body;
        return finish(s, start);
    }
    auto* s = arena_.make<With>();
    s->items = arena_.seq(items), s->body = body;
    return finish(s, start);
}

// invalid_with_stmt / invalid_with_stmt_indent: the items, loosely, then NEWLINE (no colon) or
// ':' NEWLINE without an indented block.
void Parser::diagnose_with(size_t after_with) {
    const int line = tok(after_with - 1).lineno;
    auto loose_items = [&](bool paren) {
        do {
            if (paren) {
                expressions();
            } else {
                expression();
            }
            if (accept(Tok::KwAs)) star_target();
        } while (accept(Tok::Comma) && !(paren && at(Tok::RPar)));
        if (paren) expect(Tok::RPar);
    };
    for (int paren = 0; paren < 2; ++paren) {
        pos_ = after_with;
        try {
            if (paren && !accept(Tok::LPar)) continue;
            loose_items(paren != 0);
            if (at(Tok::Colon) && type(1) == Tok::Newline && type(2) != Tok::Indent) {
                ++pos_;
                raise_last("expected an indented block after 'with' statement on line " +
                               std::to_string(line),
                           SyntaxErrorKind::IndentationError);
            }
            if (at(Tok::Newline)) raise_last("expected ':'");
        } catch (const ParseFail&) {
        }
    }
    pos_ = after_with;
}

// except_block / except_star_block
ExceptHandler* Parser::except_block(bool star) {
    const size_t start = pos_;
    const int line = peek().lineno;
    ++pos_;  // 'except'
    if (star) ++pos_;
    auto* h = arena_.make<ExceptHandler>();
    if (!at(Tok::Colon)) {
        if (diag_ && star && at(Tok::Newline)) raise_last("expected one or more exception types");
        if (diag_ && !star && at(Tok::Newline)) raise_last("expected ':'");
        const size_t estart = pos_;
        h->type = expression();
        if (diag_ && at(Tok::Comma)) {
            // invalid_except_stmt: multiple exception types must be parenthesized
            const size_t save = pos_;
            ++pos_;
            try {
                expressions();
                if (accept(Tok::KwAs)) expect(Tok::Name);
                if (at(Tok::Colon)) {
                    raise_starting_from(*h->type, "multiple exception types must be parenthesized");
                }
            } catch (const ParseFail&) {
            }
            pos_ = save;
        }
        (void)estart;
        if (accept(Tok::KwAs)) {
            if (!at(Tok::Name)) fail();
            h->name = name_id(peek());
            ++pos_;
        }
    } else if (star) {
        if (diag_) raise_last("expected one or more exception types");
        fail();
    }
    if (!accept(Tok::Colon)) {
        if (diag_ && at(Tok::Newline)) raise_last("expected ':'");
        fail();
    }
    h->body = block(star ? "'except*' statement" : "'except' statement", line);
    return finish(h, start);
}

// try_stmt: 'try' &&':' block (finally_block | except_block+ [else] [finally] |
//                                except_star_block+ [else] [finally])
Stmt* Parser::try_stmt() {
    const size_t start = pos_;
    const int line = peek().lineno;
    ++pos_;
    expect_forced(Tok::Colon);
    Seq<Stmt*> body = block("'try' statement", line);
    std::vector<ExceptHandler*> handlers;
    bool star = false;
    if (at(Tok::KwExcept)) {
        star = type(1) == Tok::Star;
        while (at(Tok::KwExcept)) {
            const bool this_star = type(1) == Tok::Star;
            if (this_star != star) {
                if (diag_) {
                    const char* msg = "cannot have both 'except' and 'except*' on the same 'try'";
                    if (this_star) raise_range(loc_of(peek()), loc_of(peek(1)), msg);
                    raise_at(loc_of(peek()), msg);
                }
                fail();
            }
            handlers.push_back(except_block(this_star));
        }
    } else if (!at(Tok::KwFinally)) {
        if (diag_) raise_last("expected 'except' or 'finally' block");
        fail();
    }
    Seq<Stmt*> orelse, finalbody;
    if (!handlers.empty() && at(Tok::KwElse)) orelse = else_block();
    if (at(Tok::KwFinally)) {
        const int fline = peek().lineno;
        ++pos_;
        expect_forced(Tok::Colon);
        finalbody = block("'finally' statement", fline);
    }
    if (star) {
        auto* s = arena_.make<TryStar>();
        s->body = body, s->handlers = arena_.seq(handlers), s->orelse = orelse,
        s->finalbody = finalbody;
        return finish(s, start);
    }
    auto* s = arena_.make<Try>();
    s->body = body, s->handlers = arena_.seq(handlers), s->orelse = orelse,
    s->finalbody = finalbody;
    return finish(s, start);
}

// decorators: ('@' named_expression NEWLINE)+, then a function or class definition.
Stmt* Parser::decorated() {
    std::vector<Expr*> decorators;
    while (accept(Tok::At)) {
        decorators.push_back(named_expression());
        expect(Tok::Newline);
    }
    Seq<Expr*> decos = arena_.seq(decorators);
    const size_t start = pos_;
    if (at(Tok::KwDef)) return function_def(start, decos, false);
    if (at(Tok::KwAsync) && type(1) == Tok::KwDef) {
        ++pos_;
        return function_def(start, decos, true);
    }
    if (at(Tok::KwClass)) return class_def(start, decos);
    fail();
}

// function_def_raw: [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
Stmt* Parser::function_def(size_t start, Seq<Expr*> decorators, bool is_async) {
    DepthGuard g(*this);
    const int line = peek().lineno;
    ++pos_;  // 'def'
    if (!at(Tok::Name)) fail();
    std::string_view name = name_id(peek());
    ++pos_;
    expect_forced(Tok::LPar);
    Arguments* args = parameters(false);
    expect(Tok::RPar);
    Expr* returns = nullptr;
    if (accept(Tok::RArrow)) returns = expression();
    expect_forced(Tok::Colon);
    Seq<Stmt*> body = block("function definition", line);
    if (is_async) {
        auto* f = arena_.make<AsyncFunctionDef>();
        f->name = name, f->args = args, f->body = body, f->decorator_list = decorators;
        f->returns = returns;
        return finish(f, start);
    }
    auto* f = arena_.make<FunctionDef>();
    f->name = name, f->args = args, f->body = body, f->decorator_list = decorators;
    f->returns = returns;
    return finish(f, start);
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
Stmt* Parser::class_def(size_t start, Seq<Expr*> decorators) {
    DepthGuard g(*this);
    const int line = peek().lineno;
    ++pos_;  // 'class'
    if (!at(Tok::Name)) fail();
    auto* c = arena_.make<ClassDef>();
    c->name = name_id(peek());
    ++pos_;
    if (at(Tok::LPar)) {
        Expr* call_node = call(nullptr, pos_);
        const auto& cl = call_node->as<Call>();
        c->bases = cl.args;
        c->keywords = cl.keywords;
    }
    if (!accept(Tok::Colon)) {
        if (diag_ && at(Tok::Newline)) raise_last("expected ':'");
        fail();
    }
    c->body = block("class definition", line);
    c->decorator_list = decorators;
    return finish(c, start);
}

}  // namespace interleave::python::detail
