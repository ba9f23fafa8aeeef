// Assignment, for, with and del targets: which expressions may be assigned to, the context they
// get, and CPython 3.11's names for the ones that may not (Parser/pegen.c
// _PyPegen_get_expr_name, _PyPegen_get_invalid_target).
#include "python/parser/parser_impl.hpp"

namespace interleave::python::detail {

const char* Parser::expr_name(const Expr* e) {
    switch (e->kind) {
        case ExprKind::Attribute:
            return "attribute";
        case ExprKind::Subscript:
            return "subscript";
        case ExprKind::Starred:
            return "starred";
        case ExprKind::Name:
            return "name";
        case ExprKind::List:
            return "list";
        case ExprKind::Tuple:
            return "tuple";
        case ExprKind::Lambda:
            return "lambda";
        case ExprKind::Call:
            return "function call";
        case ExprKind::BoolOp:
        case ExprKind::BinOp:
        case ExprKind::UnaryOp:
            return "expression";
        case ExprKind::GeneratorExp:
            return "generator expression";
        case ExprKind::Yield:
        case ExprKind::YieldFrom:
            return "yield expression";
        case ExprKind::Await:
            return "await expression";
        case ExprKind::ListComp:
            return "list comprehension";
        case ExprKind::SetComp:
            return "set comprehension";
        case ExprKind::DictComp:
            return "dict comprehension";
        case ExprKind::Dict:
            return "dict literal";
        case ExprKind::Set:
            return "set display";
        case ExprKind::JoinedStr:
        case ExprKind::FormattedValue:
            return "f-string expression";
        case ExprKind::Constant: {
            switch (e->as<Constant>().value.kind) {
                case ConstantKind::None:
                    return "None";
                case ConstantKind::True:
                    return "True";
                case ConstantKind::False:
                    return "False";
                case ConstantKind::Ellipsis:
                    return "ellipsis";
                default:
                    return "literal";
            }
        }
        case ExprKind::Compare:
            return "comparison";
        case ExprKind::IfExp:
            return "conditional expression";
        case ExprKind::NamedExpr:
            return "named expression";
        case ExprKind::Slice:
            return "slice";
    }
    return "expression";
}

// The first sub-expression that cannot be a target of this kind, or nullptr.
Expr* Parser::invalid_target(Expr* e, TargetKind kind) {
    if (e == nullptr) return nullptr;
    switch (e->kind) {
        case ExprKind::List:
            for (Expr* x : e->as<List>().elts) {
                if (Expr* bad = invalid_target(x, kind)) return bad;
            }
            return nullptr;
        case ExprKind::Tuple:
            for (Expr* x : e->as<Tuple>().elts) {
                if (Expr* bad = invalid_target(x, kind)) return bad;
            }
            return nullptr;
        case ExprKind::Starred:
            if (kind == TargetKind::Del) return e;
            return invalid_target(e->as<Starred>().value, kind);
        case ExprKind::Compare:
            // `for a in b`: the `in` made a comparison; its left side is the target.
            if (kind == TargetKind::For) {
                const auto& c = e->as<Compare>();
                if (c.ops[0] == CmpOp::In) return invalid_target(c.left, kind);
                return nullptr;
            }
            return e;
        case ExprKind::Name:
        case ExprKind::Subscript:
        case ExprKind::Attribute:
            return nullptr;
        default:
            return e;
    }
}

void Parser::set_context(Expr* e, ExprContext ctx) {
    switch (e->kind) {
        case ExprKind::Name:
            e->as<Name>().ctx = ctx;
            break;
        case ExprKind::Attribute:
            e->as<Attribute>().ctx = ctx;
            break;
        case ExprKind::Subscript:
            e->as<Subscript>().ctx = ctx;
            break;
        case ExprKind::Starred:
            e->as<Starred>().ctx = ctx;
            set_context(e->as<Starred>().value, ctx);
            break;
        case ExprKind::List:
            e->as<List>().ctx = ctx;
            for (Expr* x : e->as<List>().elts) set_context(x, ctx);
            break;
        case ExprKind::Tuple:
            e->as<Tuple>().ctx = ctx;
            for (Expr* x : e->as<Tuple>().elts) set_context(x, ctx);
            break;
        default:
            break;
    }
}

// e as a target (context Store, or Del), or nullptr when the grammar's target rules would not
// match it: star_targets (names, attributes, subscripts, starred, lists and tuples of them) or
// del_targets (the same without starred).
Expr* Parser::as_target(Expr* e, TargetKind kind) {
    if (invalid_target(e, kind) != nullptr) return nullptr;
    // A starred target may not directly contain another starred one (`**a` cannot parse anyway).
    set_context(e, kind == TargetKind::Del ? ExprContext::Del : ExprContext::Store);
    return e;
}

// star_targets (for `for` and comprehensions): star_target (',' star_target)* [','].
Expr* Parser::star_targets() {
    const size_t start = pos_;
    Expr* first = star_target();
    if (!at(Tok::Comma)) return first;
    std::vector<Expr*> elts{first};
    while (accept(Tok::Comma)) {
        if (!can_start_expression(type()) && !at(Tok::Star)) break;
        elts.push_back(star_target());
    }
    auto* t = node<Tuple>(start);
    t->elts = arena_.seq(elts);
    t->ctx = ExprContext::Store;
    return t;
}

// star_target: '*' (!'*' star_target) | target_with_star_atom. Parsed as a primary (which never
// swallows the `in` that follows a for target) and then checked.
Expr* Parser::star_target() {
    DepthGuard g(*this);
    const size_t start = pos_;
    if (accept(Tok::Star)) {
        if (at(Tok::Star)) fail();
        auto* s = arena_.make<Starred>();
        s->value = star_target();
        s->ctx = ExprContext::Store;
        return finish(s, start);
    }
    Expr* e = primary();
    if (!as_target(e, TargetKind::Star)) fail();
    return e;
}

// with_item's target: star_target followed by ',' ')' or ':'.
Expr* Parser::target_for_with() {
    Expr* t = star_target();
    if (!at(Tok::Comma) && !at(Tok::RPar) && !at(Tok::Colon)) fail();
    return t;
}

}  // namespace interleave::python::detail
