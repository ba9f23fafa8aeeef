// Call arguments and function/lambda parameters (CPython 3.11's arguments, params and
// lambda_params rules, and their invalid_* diagnoses).
#include "python/parser/parser_impl.hpp"

namespace interleave::python::detail {

// primary '(' [arguments] ')' and primary genexp. The Call spans from the callee's start. Each
// argument is read by a helper, so that this frame (on the native stack once per nesting level)
// stays small.
Expr* Parser::call(Expr* func, size_t start) {
    DepthGuard g(*this);
    const size_t open = pos_;
    ++pos_;  // '('
    CallArgs a;
    while (!at(Tok::RPar)) {
        if (Expr* genexp = call_argument(a, open)) {
            // primary genexp: the generator expression is the only argument.
            auto* c = arena_.make<Call>();
            c->func = func;
            c->args = arena_.seq1(genexp);
            return finish(c, start);
        }
        if (!accept(Tok::Comma)) break;
    }
    expect(Tok::RPar);
    auto* c = arena_.make<Call>();
    c->func = func;
    c->args = arena_.seq(a.args);
    c->keywords = arena_.seq(a.keywords);
    return finish(c, start);
}

// One argument into `a`; a GeneratorExp (with its closing parenthesis read) when the argument
// list is `(x for ...)`.
Expr* Parser::call_argument(CallArgs& a, size_t open) {
    const size_t item = pos_;
    if (at(Tok::Star)) {
        ++pos_;
        auto* s = arena_.make<Starred>();
        s->value = expression();
        finish(s, item);
        if (a.seen_double_star) {
            if (diag_) {
                raise_at(loc_of(tok(item)),
                         "iterable argument unpacking follows keyword argument unpacking");
            }
            fail();
        }
        a.args.push_back(s);
        return nullptr;
    }
    if (at(Tok::DoubleStar)) {
        ++pos_;
        auto* k = arena_.make<Keyword>();
        k->value = expression();
        a.keywords.push_back(finish(k, item));
        a.seen_double_star = true;
        return nullptr;
    }
    if (at(Tok::Name) && type(1) == Tok::Equal) {
        auto* k = arena_.make<Keyword>();
        k->arg = name_id(peek());
        pos_ += 2;
        if (diag_) diagnose_keyword_genexp(item);
        k->value = expression();
        a.keywords.push_back(finish(k, item));
        a.seen_keyword = true;
        return nullptr;
    }
    if (diag_ && (at(Tok::KwTrue) || at(Tok::KwFalse) || at(Tok::KwNone)) &&
        type(1) == Tok::Equal) {
        raise_keyword_constant();
    }
    Expr* e = named_expression(false);
    if (at_for_clause()) {
        auto* ge = arena_.make<GeneratorExp>();
        ge->elt = e;
        ge->generators = for_if_clauses();
        if (!at(Tok::RPar) || !a.args.empty() || !a.keywords.empty()) {
            if (diag_) {
                raise_range(*e, loc_of(tok(pos_ - 1)),
                            "Generator expression must be parenthesized");
            }
            fail();
        }
        ++pos_;
        return finish(ge, open);
    }
    if (at(Tok::Equal)) {
        const bool walrus =
            e->is<NamedExpr>() && e->col_offset == tok(item).col && e->lineno == tok(item).lineno;
        if (diag_ && !walrus) {
            raise_range(*e, loc_of(peek()),
                        "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        fail();
    }
    if (a.seen_keyword || a.seen_double_star) {
        // _PyPegen_arguments_parsing_error: at the furthest token read.
        if (diag_) {
            raise_last(a.seen_double_star ? "positional argument follows keyword argument unpacking"
                                          : "positional argument follows keyword argument");
        }
        fail();
    }
    a.args.push_back(e);
    return nullptr;
}

// invalid_kwarg: NAME '=' expression for_if_clauses
void Parser::diagnose_keyword_genexp(size_t item) {
    const size_t save = pos_;
    try {
        expression();
        if (at_for_clause()) {
            raise_range(loc_of(tok(item)), loc_of(tok(item + 1)),
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
    } catch (const ParseFail&) {
    }
    pos_ = save;
}

// invalid_kwarg: ('True'|'False'|'None') '='
void Parser::raise_keyword_constant() {
    raise_range(loc_of(peek()), loc_of(peek(1)),
                std::string("cannot assign to ") + std::string(text(peek())));
}

// One parameter: NAME [':' expression] (lambda: NAME only). `*args: *Ts` takes a star annotation.
Arg* Parser::param(bool lambda, bool star_annotation) {
    const size_t start = pos_;
    if (!at(Tok::Name)) fail();
    auto* a = arena_.make<Arg>();
    a->arg = name_id(peek());
    ++pos_;
    if (!lambda && accept(Tok::Colon))
        a->annotation = star_annotation ? star_expression() : expression();
    return finish(a, start);
}

// params / lambda_params: [posonly '/' ','] [args with defaults] ['*' [vararg] kwonly...] ['**'
// kwarg]
Arguments* Parser::parameters(bool lambda) {
    DepthGuard g(*this);
    auto* args = arena_.make<Arguments>();
    const Tok close = lambda ? Tok::Colon : Tok::RPar;
    std::vector<Arg*> positional, kwonly;
    std::vector<Expr*> defaults, kw_defaults;
    size_t posonly_count = 0;
    bool seen_slash = false, seen_star = false, seen_default = false;
    const size_t first = pos_;
    auto end_of_param = [&]() {
        // Each parameter is followed by ',' or the closing token.
        if (accept(Tok::Comma)) return;
        if (!at(close)) fail();
    };
    while (!at(close)) {
        if (at(Tok::Slash)) {
            const Located slash = loc_of(peek());
            if (diag_) {
                if (positional.empty() && !seen_star) {
                    if (type(1) == Tok::Comma || type(1) == close)
                        raise_at(slash, "at least one argument must precede /");
                }
                if (seen_slash) raise_at(slash, "/ may appear only once");
                if (seen_star) raise_at(slash, "/ must be ahead of *");
            }
            if (positional.empty() || seen_slash || seen_star) fail();
            ++pos_;
            seen_slash = true;
            posonly_count = positional.size();
            if (diag_ && at(Tok::Star)) raise_at(loc_of(peek()), "expected comma between / and *");
            end_of_param();
            continue;
        }
        if (at(Tok::Star)) {
            const Located star = loc_of(peek());
            if (seen_star) {
                if (diag_) raise_at(star, "* argument may appear only once");
                fail();
            }
            ++pos_;
            seen_star = true;
            if (at(Tok::Comma) || at(close)) {
                // bare '*': keyword-only parameters must follow
                if (at(close) || type(1) == close || type(1) == Tok::DoubleStar) {
                    if (diag_) {
                        if (lambda) raise_last("named arguments must follow bare *");
                        raise_at(star, "named arguments must follow bare *");
                    }
                    fail();
                }
                ++pos_;
                continue;
            }
            args->vararg = param(lambda, !lambda);
            if (at(Tok::Equal)) {
                if (diag_)
                    raise_at(loc_of(peek()), "var-positional argument cannot have default value");
                fail();
            }
            end_of_param();
            continue;
        }
        if (at(Tok::DoubleStar)) {
            ++pos_;
            args->kwarg = param(lambda, false);
            if (at(Tok::Equal)) {
                if (diag_)
                    raise_at(loc_of(peek()), "var-keyword argument cannot have default value");
                fail();
            }
            if (accept(Tok::Comma)) {
                if (!at(close)) {
                    if (diag_) {
                        raise_at(loc_of(peek()), "arguments cannot follow var-keyword argument");
                    }
                    fail();
                }
            } else if (!at(close)) {
                fail();
            }
            break;
        }
        if (diag_ && at(Tok::LPar)) {
            // invalid_parameters: parenthesized parameters
            const size_t save = pos_;
            const Located open = loc_of(peek());
            ++pos_;
            bool ok = false;
            while (at(Tok::Name)) {
                ++pos_;
                ok = true;
                if (!accept(Tok::Comma)) break;
            }
            if (ok && at(Tok::RPar)) {
                raise_range(open, loc_of(peek()),
                            lambda ? "Lambda expression parameters cannot be parenthesized"
                                   : "Function parameters cannot be parenthesized");
            }
            pos_ = save;
        }
        Arg* a = param(lambda, false);
        Expr* def = nullptr;
        if (at(Tok::Equal)) {
            const Located eq = loc_of(peek());
            ++pos_;
            if (at(Tok::Comma) || at(close)) {
                if (diag_) raise_at(eq, "expected default value expression");
                fail();
            }
            def = expression();
        }
        if (seen_star) {
            kwonly.push_back(a);
            kw_defaults.push_back(def);
        } else {
            if (def) {
                seen_default = true;
                defaults.push_back(def);
            } else if (seen_default) {
                if (diag_) raise_at(*a, "non-default argument follows default argument");
                fail();
            }
            positional.push_back(a);
        }
        end_of_param();
    }
    (void)first;
    std::vector<Arg*> posonly(positional.begin(),
                              positional.begin() + static_cast<long>(posonly_count));
    std::vector<Arg*> regular(positional.begin() + static_cast<long>(posonly_count),
                              positional.end());
    args->posonlyargs = arena_.seq(posonly);
    args->args = arena_.seq(regular);
    args->kwonlyargs = arena_.seq(kwonly);
    args->kw_defaults = arena_.seq(kw_defaults);
    args->defaults = arena_.seq(defaults);
    return args;
}

}  // namespace interleave::python::detail
