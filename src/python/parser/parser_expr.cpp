// Expressions: CPython 3.11's expression rules (star_expressions down to atom), with the
// operator levels from disjunction to term folded into one precedence-climbing loop (same trees,
// fewer native frames per nesting level).
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

bool binary_op(Tok t, Operator* op, int* prec) {
    switch (t) {
        case Tok::VBar:
            *op = Operator::BitOr, *prec = kBitOr;
            return true;
        case Tok::Circumflex:
            *op = Operator::BitXor, *prec = kBitXor;
            return true;
        case Tok::Amper:
            *op = Operator::BitAnd, *prec = kBitAnd;
            return true;
        case Tok::LeftShift:
            *op = Operator::LShift, *prec = kShift;
            return true;
        case Tok::RightShift:
            *op = Operator::RShift, *prec = kShift;
            return true;
        case Tok::Plus:
            *op = Operator::Add, *prec = kArith;
            return true;
        case Tok::Minus:
            *op = Operator::Sub, *prec = kArith;
            return true;
        case Tok::Star:
            *op = Operator::Mult, *prec = kTerm;
            return true;
        case Tok::Slash:
            *op = Operator::Div, *prec = kTerm;
            return true;
        case Tok::DoubleSlash:
            *op = Operator::FloorDiv, *prec = kTerm;
            return true;
        case Tok::Percent:
            *op = Operator::Mod, *prec = kTerm;
            return true;
        case Tok::At:
            *op = Operator::MatMult, *prec = kTerm;
            return true;
        default:
            return false;
    }
}

}  // namespace

// Tokens that can begin an expression (used where the grammar has an optional expression).
static bool starts_expression(Tok t) {
    switch (t) {
        case Tok::Name:
        case Tok::Number:
        case Tok::String:
        case Tok::LPar:
        case Tok::LSqb:
        case Tok::LBrace:
        case Tok::Minus:
        case Tok::Plus:
        case Tok::Tilde:
        case Tok::Ellipsis:
        case Tok::KwNot:
        case Tok::KwLambda:
        case Tok::KwAwait:
        case Tok::KwNone:
        case Tok::KwTrue:
        case Tok::KwFalse:
            return true;
        default:
            return false;
    }
}

bool can_start_expression(Tok t) {
    return starts_expression(t);
}

// star_expressions: star_expression (',' star_expression)* [','] -> Tuple when a comma is seen.
Expr* Parser::star_expressions() {
    const size_t start = pos_;
    Expr* first = star_expression();
    if (!at(Tok::Comma)) return first;
    std::vector<Expr*> elts{first};
    while (accept(Tok::Comma)) {
        if (!starts_expression(type()) && !at(Tok::Star)) break;
        elts.push_back(star_expression());
    }
    auto* t = node<Tuple>(start);
    t->elts = arena_.seq(elts);
    return t;
}

// star_expression: '*' bitwise_or | expression
Expr* Parser::star_expression() {
    const size_t start = pos_;
    if (accept(Tok::Star)) {
        auto* s = arena_.make<Starred>();
        s->value = binary(kBitOr);
        return finish(s, start);
    }
    return expression();
}

// expressions: expression (',' expression)* [','] (used by `except`'s diagnosis)
Expr* Parser::expressions() {
    const size_t start = pos_;
    Expr* first = expression();
    if (!at(Tok::Comma)) return first;
    std::vector<Expr*> elts{first};
    while (accept(Tok::Comma)) {
        if (!starts_expression(type())) break;
        elts.push_back(expression());
    }
    auto* t = node<Tuple>(start);
    t->elts = arena_.seq(elts);
    return t;
}

// star_named_expression: '*' bitwise_or | named_expression
Expr* Parser::star_named_expression() {
    if (at(Tok::Star)) return starred_bitwise_or();
    return named_expression();
}

// '*' bitwise_or
Expr* Parser::starred_bitwise_or() {
    const size_t start = pos_;
    ++pos_;
    auto* s = arena_.make<Starred>();
    s->value = binary(kBitOr);
    return finish(s, start);
}

// named_expression: NAME ':=' expression | expression !':='
// (with diagnose=false: `assignment_expression | expression !':='`, as call arguments use it)
Expr* Parser::named_expression(bool diagnose) {
    if (at(Tok::Name) && type(1) == Tok::ColonEqual) return assignment_expression();
    if (diag_ && diagnose) diagnose_named_expression(pos_);
    Expr* e = expression();
    if (at(Tok::ColonEqual)) fail();
    return e;
}

// assignment_expression: NAME ':=' ~ expression
Expr* Parser::assignment_expression() {
    DepthGuard g(*this);
    const size_t start = pos_;
    auto* target = arena_.make<Name>();
    target->id = name_id(peek());
    target->ctx = ExprContext::Store;
    ++pos_;
    finish(target, start);
    ++pos_;  // ':='
    auto* n = arena_.make<NamedExpr>();
    n->target = target;
    n->value = expression();
    return finish(n, start);
}

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
Expr* Parser::expression() {
    if (at(Tok::KwLambda)) return lambdef();
    const size_t start = pos_;
    Expr* a = binary(kOr);
    if (diag_) diagnose_expression(a, start);
    if (at(Tok::KwIf)) return conditional(a, start);
    return a;
}

// The rest of `a if b else c`; `a` alone when no `else` follows (the caller sees the `if`).
Expr* Parser::conditional(Expr* a, size_t start) {
    DepthGuard g(*this);
    const size_t save = pos_;
    ++pos_;
    Expr* test = binary(kOr);
    if (!accept(Tok::KwElse)) {
        pos_ = save;
        return a;
    }
    auto* e = arena_.make<IfExp>();
    e->test = test;
    e->body = a;
    e->orelse = expression();
    return finish(e, start);
}

Expr* Parser::disjunction() {
    return binary(kOr);
}

namespace {

// Tokens that continue an expression at some binding level from disjunction down to term.
bool continues_binary(Tok t) {
    switch (t) {
        case Tok::KwOr:
        case Tok::KwAnd:
        case Tok::KwNot:
        case Tok::KwIn:
        case Tok::KwIs:
        case Tok::EqEqual:
        case Tok::NotEqual:
        case Tok::Less:
        case Tok::LessEqual:
        case Tok::Greater:
        case Tok::GreaterEqual:
        case Tok::VBar:
        case Tok::Circumflex:
        case Tok::Amper:
        case Tok::LeftShift:
        case Tok::RightShift:
        case Tok::Plus:
        case Tok::Minus:
        case Tok::Star:
        case Tok::Slash:
        case Tok::DoubleSlash:
        case Tok::Percent:
        case Tok::At:
            return true;
        default:
            return false;
    }
}

}  // namespace

// From disjunction (or) down to term (* / // % @): n-ary BoolOp and Compare, left-associative
// BinOp, prefix `not`. Kept small: it is on the native stack once per nesting level.
Expr* Parser::binary(int min_prec) {
    const size_t start = pos_;
    Expr* left = (min_prec <= kNot && at(Tok::KwNot)) ? not_expression() : factor();
    if (!continues_binary(type())) return left;
    return binary_rest(left, start, min_prec);
}

// 'not' inversion
Expr* Parser::not_expression() {
    DepthGuard g(*this);
    const size_t start = pos_;
    ++pos_;
    auto* u = arena_.make<UnaryOp>();
    u->op = UnaryOperator::Not;
    u->operand = binary(kNot);
    return finish(u, start);
}

// The operators after a binary operand: each loop turn nests the tree one level deeper on the
// left. A failed right operand ends the expression before its operator (PEG backtracking).
Expr* Parser::binary_rest(Expr* left, size_t start, int min_prec) {
    const int depth_before = depth_;
    for (;;) {
        const Tok t = type();
        if (t == Tok::KwOr || t == Tok::KwAnd) {
            const int prec = t == Tok::KwOr ? kOr : kAnd;
            if (prec < min_prec) break;
            std::vector<Expr*> values{left};
            while (at(t)) {
                const size_t save = pos_;
                ++pos_;
                try {
                    values.push_back(binary(prec + 1));
                } catch (const ParseFail&) {
                    pos_ = save;
                    break;
                }
            }
            if (values.size() == 1) break;
            auto* b = arena_.make<BoolOp>();
            b->op = t == Tok::KwOr ? BoolOperator::Or : BoolOperator::And;
            b->values = arena_.seq(values);
            left = finish(b, start);
        } else if (min_prec <= kCmp &&
                   (t == Tok::EqEqual || t == Tok::NotEqual || t == Tok::Less ||
                    t == Tok::LessEqual || t == Tok::Greater || t == Tok::GreaterEqual ||
                    t == Tok::KwIn || t == Tok::KwIs ||
                    (t == Tok::KwNot && type(1) == Tok::KwIn))) {
            std::vector<CmpOp> ops;
            std::vector<Expr*> comparators;
            for (;;) {
                CmpOp op;
                const size_t save = pos_;
                switch (type()) {
                    case Tok::EqEqual:
                        op = CmpOp::Eq;
                        break;
                    case Tok::NotEqual:
                        op = CmpOp::NotEq;
                        break;
                    case Tok::Less:
                        op = CmpOp::Lt;
                        break;
                    case Tok::LessEqual:
                        op = CmpOp::LtE;
                        break;
                    case Tok::Greater:
                        op = CmpOp::Gt;
                        break;
                    case Tok::GreaterEqual:
                        op = CmpOp::GtE;
                        break;
                    case Tok::KwIn:
                        op = CmpOp::In;
                        break;
                    case Tok::KwIs:
                        if (type(1) == Tok::KwNot) {
                            ++pos_;
                            op = CmpOp::IsNot;
                        } else {
                            op = CmpOp::Is;
                        }
                        break;
                    case Tok::KwNot:
                        if (type(1) != Tok::KwIn) goto done_cmp;
                        ++pos_;
                        op = CmpOp::NotIn;
                        break;
                    default:
                        goto done_cmp;
                }
                ++pos_;
                try {
                    comparators.push_back(binary(kBitOr));
                } catch (const ParseFail&) {
                    pos_ = save;
                    goto done_cmp;
                }
                ops.push_back(op);
            }
        done_cmp:
            if (ops.empty()) break;
            auto* c = arena_.make<Compare>();
            c->left = left;
            c->ops = arena_.seq(ops);
            c->comparators = arena_.seq(comparators);
            left = finish(c, start);
        } else {
            Operator op;
            int prec;
            if (!binary_op(t, &op, &prec) || prec < min_prec) break;
            const size_t save = pos_;
            ++pos_;
            Expr* right;
            try {
                right = binary(prec + 1);
            } catch (const ParseFail&) {
                pos_ = save;
                break;
            }
            auto* b = arena_.make<BinOp>();
            b->left = left;
            b->op = op;
            b->right = right;
            left = finish(b, start);
        }
        if (++depth_ > kMaxNesting) too_deep();
    }
    depth_ = depth_before;
    return left;
}

// factor: ('+' | '-' | '~') factor | power. A run of prefix operators is read in a loop (no
// native recursion) and nests the tree one level per operator.
Expr* Parser::factor() {
    if (!at(Tok::Plus) && !at(Tok::Minus) && !at(Tok::Tilde)) return power();
    return unary_chain();
}

Expr* Parser::unary_chain() {
    const size_t first = pos_;
    while (at(Tok::Plus) || at(Tok::Minus) || at(Tok::Tilde)) {
        ++pos_;
        if (++depth_ > kMaxNesting) too_deep();
    }
    const size_t n = pos_ - first;
    Expr* e = power();
    for (size_t k = n; k-- > 0;) {
        auto* u = arena_.make<UnaryOp>();
        const Tok t = tok(first + k).type;
        u->op = t == Tok::Plus    ? UnaryOperator::UAdd
                : t == Tok::Minus ? UnaryOperator::USub
                                  : UnaryOperator::Invert;
        u->operand = e;
        e = finish(u, first + k);
    }
    depth_ -= static_cast<int>(n);
    return e;
}

// power: await_primary '**' factor | await_primary
Expr* Parser::power() {
    const size_t start = pos_;
    Expr* a;
    if (at(Tok::KwAwait)) {
        a = await_expression();
    } else {
        a = atom();
        if (at(Tok::Dot) || at(Tok::LPar) || at(Tok::LSqb)) a = primary_tail(a, start);
    }
    if (!at(Tok::DoubleStar)) return a;
    return power_rest(a, start);
}

Expr* Parser::power_rest(Expr* a, size_t start) {
    DepthGuard g(*this);
    const size_t save = pos_;
    ++pos_;
    Expr* right;
    try {
        right = factor();
    } catch (const ParseFail&) {
        pos_ = save;
        return a;
    }
    auto* b = arena_.make<BinOp>();
    b->left = a;
    b->op = Operator::Pow;
    b->right = right;
    return finish(b, start);
}

// AWAIT primary
Expr* Parser::await_expression() {
    DepthGuard g(*this);
    const size_t start = pos_;
    ++pos_;
    auto* a = arena_.make<Await>();
    a->value = primary();
    return finish(a, start);
}

Expr* Parser::await_primary() {
    if (at(Tok::KwAwait)) return await_expression();
    return primary();
}

Expr* Parser::primary() {
    const size_t start = pos_;
    return primary_tail(atom(), start);
}

// primary's left-recursive alternatives: .NAME, (arguments), genexp, [slices]
Expr* Parser::primary_tail(Expr* e, size_t start) {
    const int depth_before = depth_;
    for (;;) {
        const size_t save = pos_;
        try {
            if (at(Tok::Dot)) {
                ++pos_;
                if (!at(Tok::Name)) fail();
                auto* a = arena_.make<Attribute>();
                a->value = e;
                a->attr = name_id(peek());
                ++pos_;
                e = finish(a, start);
            } else if (at(Tok::LPar)) {
                e = call(e, start);
            } else if (at(Tok::LSqb)) {
                ++pos_;
                auto* s = arena_.make<Subscript>();
                s->value = e;
                s->slice = slices();
                expect(Tok::RSqb);
                e = finish(s, start);
            } else {
                break;
            }
        } catch (const ParseFail&) {
            // The trailer does not parse: the primary ends before it (PEG backtracking).
            pos_ = save;
            break;
        }
        if (++depth_ > kMaxNesting) too_deep();
    }
    depth_ = depth_before;
    return e;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [','] -> Tuple
Expr* Parser::slices() {
    const size_t start = pos_;
    auto one = [&]() -> Expr* {
        const size_t s0 = pos_;
        if (accept(Tok::Star)) {
            auto* st = arena_.make<Starred>();
            st->value = expression();
            return finish(st, s0);
        }
        return slice();
    };
    Expr* first = one();
    if (!at(Tok::Comma) && !first->is<Starred>()) return first;
    std::vector<Expr*> elts{first};
    while (accept(Tok::Comma)) {
        if (at(Tok::RSqb)) break;
        elts.push_back(one());
    }
    auto* t = node<Tuple>(start);
    t->elts = arena_.seq(elts);
    return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
Expr* Parser::slice() {
    const size_t start = pos_;
    Expr* lower = nullptr;
    if (!at(Tok::Colon)) {
        if (at(Tok::Name) && type(1) == Tok::ColonEqual) return named_expression();
        lower = expression();
        if (!at(Tok::Colon)) {
            if (at(Tok::ColonEqual)) fail();
            return lower;
        }
    }
    ++pos_;  // ':'
    auto* s = arena_.make<Slice>();
    s->lower = lower;
    if (starts_expression(type())) s->upper = expression();
    if (accept(Tok::Colon)) {
        if (starts_expression(type())) s->step = expression();
    }
    return finish(s, start);
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Expr* Parser::yield_expr() {
    DepthGuard g(*this);
    const size_t start = pos_;
    expect(Tok::KwYield);
    if (accept(Tok::KwFrom)) {
        auto* y = arena_.make<YieldFrom>();
        y->value = expression();
        return finish(y, start);
    }
    auto* y = arena_.make<Yield>();
    if (starts_expression(type()) || at(Tok::Star)) y->value = star_expressions();
    return finish(y, start);
}

// lambdef: 'lambda' [lambda_params] ':' expression
Expr* Parser::lambdef() {
    DepthGuard g(*this);
    const size_t start = pos_;
    expect(Tok::KwLambda);
    auto* l = arena_.make<Lambda>();
    l->args = parameters(true);
    expect(Tok::Colon);
    l->body = expression();
    return finish(l, start);
}

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
