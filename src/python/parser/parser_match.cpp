// The match statement (PEP 634) as CPython 3.11's match_stmt and pattern rules, with the
// invalid_match_stmt, invalid_case_block, invalid_as_pattern and invalid_class_pattern diagnoses.
#include "python/parser/parser_impl.hpp"

namespace interleave::python::detail {

// "match" is a soft keyword: try the statement; if it does not parse, the line is an ordinary
// statement using a name `match`.
bool Parser::looks_like_match() {
    return true;
}

Stmt* Parser::match_stmt() {
    const size_t start = pos_;
    const int line = peek().lineno;
    ++pos_;  // "match"
    // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
    Expr* subject = star_named_expression();
    if (at(Tok::Comma)) {
        std::vector<Expr*> elts{subject};
        while (accept(Tok::Comma)) {
            if (!can_start_expression(type()) && !at(Tok::Star)) break;
            elts.push_back(star_named_expression());
        }
        auto* t = node<Tuple>(start + 1);
        t->elts = arena_.seq(elts);
        subject = t;
    } else if (subject->is<Starred>()) {
        fail();
    }
    if (!accept(Tok::Colon)) {
        if (diag_ && at(Tok::Newline)) raise_last("expected ':'");
        fail();
    }
    diagnose_block_header("'match' statement", line);
    expect(Tok::Newline);
    expect(Tok::Indent);
    std::vector<MatchCase*> cases;
    while (at_name("case")) cases.push_back(case_block());
    if (cases.empty()) fail();
    expect(Tok::Dedent);
    auto* m = arena_.make<Match>();
    m->subject = subject;
    m->cases = arena_.seq(cases);
    return finish(m, start);
}

// case_block: "case" patterns guard? ':' block
MatchCase* Parser::case_block() {
    DepthGuard g(*this);
    const int line = peek().lineno;
    ++pos_;  // "case"
    auto* c = arena_.make<MatchCase>();
    c->pattern = patterns();
    if (accept(Tok::KwIf)) c->guard = named_expression();
    if (!accept(Tok::Colon)) {
        if (diag_ && at(Tok::Newline)) raise_last("expected ':'");
        fail();
    }
    c->body = block("'case' statement", line);
    return c;
}

static bool starts_pattern(Tok t) {
    switch (t) {
        case Tok::Name:
        case Tok::Number:
        case Tok::String:
        case Tok::Minus:
        case Tok::LPar:
        case Tok::LSqb:
        case Tok::LBrace:
        case Tok::Star:
        case Tok::KwNone:
        case Tok::KwTrue:
        case Tok::KwFalse:
            return true;
        default:
            return false;
    }
}

// patterns: open_sequence_pattern -> MatchSequence | pattern
Pattern* Parser::patterns() {
    const size_t start = pos_;
    Pattern* first = maybe_star_pattern();
    if (!at(Tok::Comma)) {
        if (first->is<MatchStar>()) fail();
        return first;
    }
    std::vector<Pattern*> items{first};
    while (accept(Tok::Comma)) {
        if (!starts_pattern(type())) break;
        items.push_back(maybe_star_pattern());
    }
    auto* s = node<MatchSequence>(start);
    s->patterns = arena_.seq(items);
    return s;
}

// maybe_star_pattern: '*' (capture | '_') | pattern
Pattern* Parser::maybe_star_pattern() {
    const size_t start = pos_;
    if (accept(Tok::Star)) {
        if (!at(Tok::Name)) fail();
        auto* s = arena_.make<MatchStar>();
        if (text(peek()) != "_") s->name = name_id(peek());
        ++pos_;
        return finish(s, start);
    }
    return pattern();
}

// pattern: or_pattern 'as' pattern_capture_target | or_pattern
Pattern* Parser::pattern() {
    DepthGuard g(*this);
    const size_t start = pos_;
    Pattern* p = or_pattern();
    if (!at(Tok::KwAs)) return p;
    ++pos_;
    if (at(Tok::Name) && text(peek()) != "_" && type(1) != Tok::Dot && type(1) != Tok::LPar &&
        type(1) != Tok::Equal) {
        auto* a = arena_.make<MatchAs>();
        a->pattern = p;
        a->name = name_id(peek());
        ++pos_;
        return finish(a, start);
    }
    if (diag_) {
        if (at(Tok::Name) && text(peek()) == "_")
            raise_at(loc_of(peek()), "cannot use '_' as a target");
        if (!at(Tok::Name)) {
            const size_t save = pos_;
            try {
                Expr* e = expression();
                raise_at(*e, "invalid pattern target");
            } catch (const ParseFail&) {
            }
            pos_ = save;
        }
    }
    fail();
}

// or_pattern: '|'.closed_pattern+
Pattern* Parser::or_pattern() {
    const size_t start = pos_;
    Pattern* first = closed_pattern();
    if (!at(Tok::VBar)) return first;
    std::vector<Pattern*> alts{first};
    while (accept(Tok::VBar)) alts.push_back(closed_pattern());
    auto* o = node<MatchOr>(start);
    o->patterns = arena_.seq(alts);
    return o;
}

// A signed number, complex literal or strings: the value of a literal pattern or mapping key.
// *is_value is false for None/True/False (returned as Constant).
Expr* Parser::literal_expr_for_pattern(bool* is_value) {
    const size_t start = pos_;
    *is_value = true;
    if (at(Tok::String)) return strings();
    if (at(Tok::KwNone) || at(Tok::KwTrue) || at(Tok::KwFalse)) {
        *is_value = false;
        auto* c = arena_.make<Constant>();
        c->value.kind = at(Tok::KwNone)   ? ConstantKind::None
                        : at(Tok::KwTrue) ? ConstantKind::True
                                          : ConstantKind::False;
        ++pos_;
        return finish(c, start);
    }
    // signed_number: NUMBER | '-' NUMBER
    auto signed_number = [&]() -> Expr* {
        const size_t s = pos_;
        const bool neg = accept(Tok::Minus);
        if (!at(Tok::Number)) fail();
        const Token t = peek();
        ++pos_;
        Expr* n = finish(number(t), pos_ - 1);
        if (!neg) return n;
        auto* u = arena_.make<UnaryOp>();
        u->op = UnaryOperator::USub;
        u->operand = n;
        return finish(u, s);
    };
    Expr* real = signed_number();
    if (!at(Tok::Plus) && !at(Tok::Minus)) return real;
    // complex_number: signed_real_number ('+' | '-') imaginary_number
    const Expr* r = real->is<UnaryOp>() ? real->as<UnaryOp>().operand : real;
    if (r->as<Constant>().value.kind == ConstantKind::Complex) {
        raise_at(*r, "real number required in complex literal");
    }
    const bool plus = at(Tok::Plus);
    ++pos_;
    if (!at(Tok::Number)) fail();
    const Token t = peek();
    ++pos_;
    Expr* imag = finish(number(t), pos_ - 1);
    if (imag->as<Constant>().value.kind != ConstantKind::Complex) {
        raise_at(*imag, "imaginary number required in complex literal");
    }
    auto* b = arena_.make<BinOp>();
    b->left = real;
    b->op = plus ? Operator::Add : Operator::Sub;
    b->right = imag;
    return finish(b, start);
}

// name_or_attr: NAME ('.' NAME)*
Expr* Parser::name_or_attr() {
    const size_t start = pos_;
    if (!at(Tok::Name)) fail();
    auto* n = arena_.make<Name>();
    n->id = name_id(peek());
    ++pos_;
    Expr* e = finish(n, start);
    while (at(Tok::Dot) && type(1) == Tok::Name) {
        ++pos_;
        auto* a = arena_.make<Attribute>();
        a->value = e;
        a->attr = name_id(peek());
        ++pos_;
        e = finish(a, start);
    }
    return e;
}

Pattern* Parser::closed_pattern() {
    DepthGuard g(*this);
    const size_t start = pos_;
    switch (type()) {
        case Tok::Number:
        case Tok::Minus:
        case Tok::String:
        case Tok::KwNone:
        case Tok::KwTrue:
        case Tok::KwFalse: {
            bool is_value;
            Expr* v = literal_expr_for_pattern(&is_value);
            if (!is_value) {
                auto* s = arena_.make<MatchSingleton>();
                s->value = v->as<Constant>().value;
                return finish(s, start);
            }
            auto* m = arena_.make<MatchValue>();
            m->value = v;
            return finish(m, start);
        }
        case Tok::Name: {
            const bool dotted_or_call = type(1) == Tok::Dot || type(1) == Tok::LPar;
            if (!dotted_or_call) {
                if (type(1) == Tok::Equal) fail();
                auto* a = arena_.make<MatchAs>();
                if (text(peek()) != "_") a->name = name_id(peek());
                ++pos_;
                return finish(a, start);
            }
            Expr* cls = name_or_attr();
            if (!at(Tok::LPar)) {
                if (!cls->is<Attribute>() || at(Tok::Dot) || at(Tok::Equal)) fail();
                auto* m = arena_.make<MatchValue>();
                m->value = cls;
                return finish(m, start);
            }
            // class_pattern: name_or_attr '(' [positional] [keywords] ')'
            ++pos_;
            std::vector<Pattern*> positional, kwd_patterns;
            std::vector<std::string_view> kwd_attrs;
            Pattern* first_bad = nullptr;
            Pattern* last_bad = nullptr;
            while (!at(Tok::RPar)) {
                if (at(Tok::Name) && type(1) == Tok::Equal) {
                    kwd_attrs.push_back(name_id(peek()));
                    pos_ += 2;
                    kwd_patterns.push_back(pattern());
                } else {
                    Pattern* p = pattern();
                    if (!kwd_attrs.empty()) {
                        if (!first_bad) first_bad = p;
                        last_bad = p;
                    }
                    positional.push_back(p);
                }
                if (!accept(Tok::Comma)) break;
            }
            if (!at(Tok::RPar)) fail();
            if (first_bad) {
                if (diag_) {
                    raise_range(*first_bad, *last_bad,
                                "positional patterns follow keyword patterns");
                }
                fail();
            }
            ++pos_;
            auto* c = arena_.make<MatchClass>();
            c->cls = cls;
            c->patterns = arena_.seq(positional);
            c->kwd_attrs = arena_.seq(kwd_attrs);
            c->kwd_patterns = arena_.seq(kwd_patterns);
            return finish(c, start);
        }
        case Tok::LPar:
        case Tok::LSqb: {
            const Tok close = at(Tok::LPar) ? Tok::RPar : Tok::RSqb;
            const bool paren = at(Tok::LPar);
            ++pos_;
            std::vector<Pattern*> items;
            bool comma = false;
            while (!at(close)) {
                items.push_back(maybe_star_pattern());
                if (!accept(Tok::Comma)) break;
                comma = true;
            }
            expect(close);
            if (paren && items.size() == 1 && !comma) {
                if (items[0]->is<MatchStar>()) fail();
                return items[0];  // group_pattern
            }
            auto* s = node<MatchSequence>(start);
            s->patterns = arena_.seq(items);
            return s;
        }
        case Tok::LBrace: {
            // mapping_pattern
            ++pos_;
            std::vector<Expr*> keys;
            std::vector<Pattern*> values;
            std::string_view rest;
            while (!at(Tok::RBrace)) {
                if (accept(Tok::DoubleStar)) {
                    if (!at(Tok::Name) || text(peek()) == "_") fail();
                    rest = name_id(peek());
                    ++pos_;
                    accept(Tok::Comma);
                    break;
                }
                Expr* key;
                if (at(Tok::Name)) {
                    key = name_or_attr();
                    if (!key->is<Attribute>()) fail();
                } else {
                    bool is_value;
                    key = literal_expr_for_pattern(&is_value);
                }
                expect(Tok::Colon);
                keys.push_back(key);
                values.push_back(pattern());
                if (!accept(Tok::Comma)) break;
            }
            expect(Tok::RBrace);
            auto* m = arena_.make<MatchMapping>();
            m->keys = arena_.seq(keys);
            m->patterns = arena_.seq(values);
            m->rest = rest;
            return finish(m, start);
        }
        default:
            fail();
    }
}

}  // namespace interleave::python::detail
