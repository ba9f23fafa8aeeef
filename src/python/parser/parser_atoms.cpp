// Atoms: names, literals, parenthesised forms, displays (tuple, list, set, dict) and
// comprehensions, with their invalid_* diagnoses (CPython 3.11's atom, group, tuple, list, set,
// dict, *comp and for_if_clauses rules).
#include "python/parser/parser_impl.hpp"

namespace interleave::python::detail {

namespace {

// Binding strengths, loosest first.
enum Prec : int {
    kOr = 1,
    kAnd,
    kNot,
    kCmp,
    kBitOr,
    kBitXor,
    kBitAnd,
    kShift,
    kArith,
    kTerm,
};

}  // namespace

Expr* Parser::atom() {
    const size_t start = pos_;
    switch (type()) {
        case Tok::Name: {
            auto* n = arena_.make<Name>();
            n->id = name_id(peek());
            ++pos_;
            return finish(n, start);
        }
        case Tok::Number: {
            const Token& t = peek();
            ++pos_;
            return finish(number(t), start);
        }
        case Tok::String:
            return strings();
        case Tok::KwTrue:
        case Tok::KwFalse:
        case Tok::KwNone:
        case Tok::Ellipsis: {
            auto* c = arena_.make<Constant>();
            c->value.kind = at(Tok::KwTrue)    ? ConstantKind::True
                            : at(Tok::KwFalse) ? ConstantKind::False
                            : at(Tok::KwNone)  ? ConstantKind::None
                                               : ConstantKind::Ellipsis;
            ++pos_;
            return finish(c, start);
        }
        case Tok::LPar:
            return paren_atom();
        case Tok::LSqb:
            return list_atom();
        case Tok::LBrace:
            return brace_atom();
        default:
            fail();
    }
}

// tuple | group | genexp. The common paths stay small (this frame is on the native stack once
// per bracket level); the rest is in helpers.
Expr* Parser::paren_atom() {
    DepthGuard g(*this);
    const size_t start = pos_;
    ++pos_;  // '('
    if (accept(Tok::RPar)) return node<Tuple>(start);
    if (at(Tok::KwYield)) {
        Expr* y = yield_expr();
        expect(Tok::RPar);
        return y;
    }
    if (diag_ && at(Tok::DoubleStar)) diagnose_double_starred_group();
    Expr* first = star_named_expression();
    if (at_for_clause()) return comprehension_rest(ExprKind::GeneratorExp, first, start);
    if (at(Tok::Comma)) return display_rest(ExprKind::Tuple, first, start);
    if (first->is<Starred>()) {
        if (diag_ && at(Tok::RPar)) raise_at(*first, "cannot use starred expression here");
        fail();
    }
    expect(Tok::RPar);
    return first;
}

// invalid_group: '(' '**' expression ')'
void Parser::diagnose_double_starred_group() {
    const size_t save = pos_;
    const Located star = loc_of(peek());
    ++pos_;
    try {
        expression();
        if (at(Tok::RPar)) raise_at(star, "cannot use double starred expression here");
    } catch (const ParseFail&) {
    }
    pos_ = save;
}

// The comprehension after `first`: ListComp, SetComp or GeneratorExp up to its closing bracket.
Expr* Parser::comprehension_rest(ExprKind kind, Expr* first, size_t start) {
    if (first->is<Starred>()) {
        if (diag_) raise_at(*first, "iterable unpacking cannot be used in comprehension");
        fail();
    }
    Seq<Comprehension*> gens = for_if_clauses();
    if (kind == ExprKind::ListComp) {
        expect(Tok::RSqb);
        auto* c = node<ListComp>(start);
        c->elt = first, c->generators = gens;
        return c;
    }
    if (kind == ExprKind::SetComp) {
        expect(Tok::RBrace);
        auto* c = node<SetComp>(start);
        c->elt = first, c->generators = gens;
        return c;
    }
    expect(Tok::RPar);
    auto* c = node<GeneratorExp>(start);
    c->elt = first, c->generators = gens;
    return c;
}

// The elements after `first` of a tuple, list or set display, up to its closing bracket.
Expr* Parser::display_rest(ExprKind kind, Expr* first, size_t start) {
    const Tok close = kind == ExprKind::Tuple  ? Tok::RPar
                      : kind == ExprKind::List ? Tok::RSqb
                                               : Tok::RBrace;
    std::vector<Expr*> elts{first};
    while (accept(Tok::Comma)) {
        if (at(close)) break;
        elts.push_back(star_named_expression());
        if (diag_ && kind != ExprKind::Tuple && at_for_clause()) {
            raise_range(*first, *elts.back(),
                        "did you forget parentheses around the comprehension target?");
        }
    }
    if (diag_ && kind != ExprKind::Tuple && at_for_clause() && elts.size() == 1) {
        raise_range(*first, loc_of(tok(pos_ - 1)),
                    "did you forget parentheses around the comprehension target?");
    }
    expect(close);
    if (kind == ExprKind::Tuple) {
        auto* t = node<Tuple>(start);
        t->elts = arena_.seq(elts);
        return t;
    }
    if (kind == ExprKind::List) {
        auto* l = node<List>(start);
        l->elts = arena_.seq(elts);
        return l;
    }
    auto* st = node<Set>(start);
    st->elts = arena_.seq(elts);
    return st;
}

// list | listcomp
Expr* Parser::list_atom() {
    DepthGuard g(*this);
    const size_t start = pos_;
    ++pos_;  // '['
    if (accept(Tok::RSqb)) return node<List>(start);
    Expr* first = star_named_expression();
    if (at_for_clause()) return comprehension_rest(ExprKind::ListComp, first, start);
    return display_rest(ExprKind::List, first, start);
}

// dict | set | dictcomp | setcomp
Expr* Parser::brace_atom() {
    DepthGuard g(*this);
    const size_t start = pos_;
    ++pos_;  // '{'
    if (accept(Tok::RBrace)) return node<Dict>(start);
    if (at(Tok::DoubleStar)) return dict_rest(nullptr, nullptr, start);
    Expr* first = star_named_expression();
    // A key is an `expression`: a walrus only in parentheses.
    const bool bare_walrus = first->is<NamedExpr>() && first->col_offset == tok(start + 1).col &&
                             first->lineno == tok(start + 1).lineno;
    if (!at(Tok::Colon) || first->is<Starred>() || bare_walrus) {
        // a set
        if (at_for_clause()) return comprehension_rest(ExprKind::SetComp, first, start);
        return display_rest(ExprKind::Set, first, start);
    }
    Expr* v = dict_value();
    if (!at_for_clause()) return dict_rest(first, v, start);
    auto* dc = arena_.make<DictComp>();
    dc->key = first;
    dc->value = v;
    dc->generators = for_if_clauses();
    expect(Tok::RBrace);
    return finish(dc, start);
}

// ':' expression, after a dictionary key.
Expr* Parser::dict_value() {
    const Token colon = peek();
    ++pos_;
    if (diag_ && at(Tok::Star)) diagnose_starred_dict_value();
    if (diag_ && (at(Tok::RBrace) || at(Tok::Comma))) {
        raise_at(loc_of(colon), "expression expected after dictionary key and ':'");
    }
    return expression();
}

// The items of a dict display after the first (key, value), or all of them when key is null.
Expr* Parser::dict_rest(Expr* key, Expr* value, size_t start) {
    std::vector<Expr*> keys, values;
    auto item = [&]() {
        if (accept(Tok::DoubleStar)) {
            keys.push_back(nullptr);
            values.push_back(binary(kBitOr));
            return;
        }
        Expr* k = expression();
        if (!at(Tok::Colon)) {
            if (diag_) {
                // invalid_kvpair: ':' expected after dictionary key
                raise_cols(k->lineno, k->end_col_offset - 1, k->end_lineno, -1,
                           "':' expected after dictionary key");
            }
            fail();
        }
        keys.push_back(k);
        values.push_back(dict_value());
    };
    if (key) {
        keys.push_back(key);
        values.push_back(value);
    } else {
        item();
        if (diag_ && at_for_clause()) {
            raise_at(loc_of(tok(start + 1)), "dict unpacking cannot be used in dict comprehension");
        }
    }
    while (accept(Tok::Comma)) {
        if (at(Tok::RBrace)) break;
        item();
    }
    expect(Tok::RBrace);
    auto* d = node<Dict>(start);
    d->keys = arena_.seq(keys);
    d->values = arena_.seq(values);
    return d;
}

// expression ':' a='*' bitwise_or: the error runs to where the tokenizer stopped.
void Parser::diagnose_starred_dict_value() {
    const size_t save = pos_;
    const Located star = loc_of(peek());
    ++pos_;
    try {
        binary(kBitOr);
        type();
        raise_starting_from(star, "cannot use a starred expression in a dictionary value");
    } catch (const ParseFail&) {
    }
    pos_ = save;
}

// for_if_clauses: (ASYNC? 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+
Seq<Comprehension*> Parser::for_if_clauses() {
    std::vector<Comprehension*> gens;
    while (at_for_clause()) {
        auto* c = arena_.make<Comprehension>();
        c->is_async = accept(Tok::KwAsync) ? 1 : 0;
        expect(Tok::KwFor);
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
        c->target = target;
        c->iter = disjunction();
        std::vector<Expr*> ifs;
        while (accept(Tok::KwIf)) ifs.push_back(disjunction());
        c->ifs = arena_.seq(ifs);
        gens.push_back(c);
    }
    return arena_.seq(gens);
}

}  // namespace interleave::python::detail
