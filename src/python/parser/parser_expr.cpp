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
    if (!memoize_) return expression_uncached();
    const size_t key = pos_ * 2 + (diag_ ? 1 : 0);
    auto it = expr_memo_.find(key);
    if (it != expr_memo_.end()) {
        if (!it->second.e) fail();
        pos_ = it->second.end;
        return it->second.e;
    }
    try {
        Expr* e = expression_uncached();
        expr_memo_[key] = ExprMemo{e, pos_};
        return e;
    } catch (const ParseFail&) {
        expr_memo_[key] = ExprMemo{nullptr, 0};
        throw;
    }
}

Expr* Parser::expression_uncached() {
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

}  // namespace interleave::python::detail
