// Expressions (CPython 3.11's compiler_visit_expr and friends); calls are in codegen_call.cpp.
#include "python/compiler/codegen.hpp"

namespace interleave::python {

int binop_code(Operator op);

ConstValue Codegen::constant_value(const ConstantValue& v) {
    ConstValue c;
    switch (v.kind) {
        case ConstantKind::None:
            c.kind = ConstValue::Kind::None;
            break;
        case ConstantKind::True:
            c.kind = ConstValue::Kind::True;
            break;
        case ConstantKind::False:
            c.kind = ConstValue::Kind::False;
            break;
        case ConstantKind::Ellipsis:
            c.kind = ConstValue::Kind::Ellipsis;
            break;
        case ConstantKind::Int:
            c.kind = ConstValue::Kind::Int;
            c.i = v.int_value;
            break;
        case ConstantKind::BigInt:
            c.kind = ConstValue::Kind::BigInt;
            c.s = std::string(v.text);
            break;
        case ConstantKind::Float:
            c.kind = ConstValue::Kind::Float;
            c.f = v.float_value;
            break;
        case ConstantKind::Complex:
            c.kind = ConstValue::Kind::Complex;
            c.f = v.float_value;
            break;
        case ConstantKind::Str:
            c.kind = ConstValue::Kind::Str;
            c.s = std::string(v.text);
            break;
        case ConstantKind::Bytes:
            c.kind = ConstValue::Kind::Bytes;
            c.s = std::string(v.text);
            break;
    }
    return c;
}

void Codegen::exprs(const Seq<Expr*>& es) {
    for (Expr* e : es) expr(e);
}

void Codegen::compare_op(CmpOp op) {
    switch (op) {
        case CmpOp::Eq:
            emit(COMPARE_OP, int(CompareOp::eq));
            break;
        case CmpOp::NotEq:
            emit(COMPARE_OP, int(CompareOp::ne));
            break;
        case CmpOp::Lt:
            emit(COMPARE_OP, int(CompareOp::lt));
            break;
        case CmpOp::LtE:
            emit(COMPARE_OP, int(CompareOp::le));
            break;
        case CmpOp::Gt:
            emit(COMPARE_OP, int(CompareOp::gt));
            break;
        case CmpOp::GtE:
            emit(COMPARE_OP, int(CompareOp::ge));
            break;
        case CmpOp::Is:
            emit(IS_OP, 0);
            break;
        case CmpOp::IsNot:
            emit(IS_OP, 1);
            break;
        case CmpOp::In:
            emit(CONTAINS_OP, 0);
            break;
        case CmpOp::NotIn:
            emit(CONTAINS_OP, 1);
            break;
    }
}

void Codegen::compare(const Compare& c) {
    check_compare(c);
    expr(c.left);
    uint32_t n = c.ops.size();
    if (n == 1) {
        expr(c.comparators[0]);
        set_pos(c);
        compare_op(c.ops[0]);
        return;
    }
    int cleanup = new_label(), end = new_label();
    for (uint32_t i = 0; i + 1 < n; ++i) {
        expr(c.comparators[i]);
        set_pos(c);
        emit(SWAP, 2);
        emit(COPY, 2);
        compare_op(c.ops[i]);
        emit_jump(JUMP_IF_FALSE_OR_POP, cleanup);
    }
    expr(c.comparators[n - 1]);
    set_pos(c);
    compare_op(c.ops[n - 1]);
    emit_jump(JUMP, end);
    place(cleanup);
    emit(SWAP, 2);
    emit(POP_TOP);
    place(end);
}

void Codegen::jump_if(const Expr* e, int label, bool cond) {
    switch (e->kind) {
        case ExprKind::UnaryOp:
            if (e->as<UnaryOp>().op == UnaryOperator::Not) {
                jump_if(e->as<UnaryOp>().operand, label, !cond);
                return;
            }
            break;
        case ExprKind::BoolOp: {
            auto& b = e->as<BoolOp>();
            bool cond2 = b.op == BoolOperator::Or;
            int next2 = label;
            if (cond2 != cond) next2 = new_label();
            for (uint32_t i = 0; i + 1 < b.values.size(); ++i) jump_if(b.values[i], next2, cond2);
            jump_if(b.values[b.values.size() - 1], label, cond);
            if (next2 != label) place(next2);
            return;
        }
        case ExprKind::Constant: {
            const ConstantValue& v = e->as<Constant>().value;
            bool truth;
            switch (v.kind) {
                case ConstantKind::None:
                case ConstantKind::False:
                    truth = false;
                    break;
                case ConstantKind::True:
                case ConstantKind::Ellipsis:
                    truth = true;
                    break;
                case ConstantKind::Int:
                    truth = v.int_value != 0;
                    break;
                case ConstantKind::Float:
                    truth = v.float_value != 0;
                    break;
                case ConstantKind::Str:
                case ConstantKind::Bytes:
                    truth = !v.text.empty();
                    break;
                default:
                    truth = true;
                    break;
            }
            if (truth == cond) emit_jump(JUMP, label);
            return;
        }
        case ExprKind::Compare: {
            auto& c = e->as<Compare>();
            uint32_t n = c.ops.size();
            if (n > 1) {
                int cleanup = new_label();
                expr(c.left);
                for (uint32_t i = 0; i + 1 < n; ++i) {
                    expr(c.comparators[i]);
                    set_pos(*e);
                    emit(SWAP, 2);
                    emit(COPY, 2);
                    compare_op(c.ops[i]);
                    emit_jump(POP_JUMP_IF_FALSE_P, cleanup);
                }
                expr(c.comparators[n - 1]);
                set_pos(*e);
                compare_op(c.ops[n - 1]);
                emit_jump(cond ? POP_JUMP_IF_TRUE_P : POP_JUMP_IF_FALSE_P, label);
                int end = new_label();
                emit_jump(JUMP, end);
                place(cleanup);
                emit(POP_TOP);
                if (!cond) emit_jump(JUMP, label);
                place(end);
                return;
            }
            break;
        }
        default:
            break;
    }
    expr(e);
    // A comparison's jump, and what follows it until the next position, are at the
    // comparison (CPython 3.11: `assert a <= b` fails with carets under `a <= b`).
    if (e->kind == ExprKind::Compare) set_pos(*e);
    emit_jump(cond ? POP_JUMP_IF_TRUE_P : POP_JUMP_IF_FALSE_P, label);
}

void Codegen::boolop(const BoolOp& b) {
    int end = new_label();
    int op = b.op == BoolOperator::And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
    for (uint32_t i = 0; i + 1 < b.values.size(); ++i) {
        expr(b.values[i]);
        emit_jump(op, end);
    }
    expr(b.values[b.values.size() - 1]);
    place(end);
}

void Codegen::dict_display(const Dict& d) {
    uint32_t n = d.keys.size();
    int pending = 0;
    bool have_dict = false;
    for (uint32_t i = 0; i < n; ++i) {
        if (!d.keys[i]) {
            if (pending || !have_dict) {
                emit(BUILD_MAP, pending);
                if (have_dict) emit(DICT_UPDATE, 1);
                have_dict = true;
                pending = 0;
            }
            expr(d.values[i]);
            emit(DICT_UPDATE, 1);
        } else {
            expr(d.keys[i]);
            expr(d.values[i]);
            ++pending;
        }
    }
    if (pending || !have_dict) {
        emit(BUILD_MAP, pending);
        if (have_dict) emit(DICT_UPDATE, 1);
    }
}

void Codegen::subscript_slice(const Expr* slice) {
    if (slice->kind == ExprKind::Slice) {
        auto& s = slice->as<Slice>();
        if (s.lower)
            expr(s.lower);
        else
            load_none();
        if (s.upper)
            expr(s.upper);
        else
            load_none();
        if (s.step) {
            expr(s.step);
            emit(BUILD_SLICE, 3);
        } else {
            emit(BUILD_SLICE, 2);
        }
        return;
    }
    expr(slice);
}

void Codegen::formatted_value(const FormattedValue& f) {
    expr(f.value);
    int flags = 0;
    switch (f.conversion) {
        case 's':
            flags = 1;
            break;
        case 'r':
            flags = 2;
            break;
        case 'a':
            flags = 3;
            break;
        default:
            flags = 0;
            break;
    }
    if (f.format_spec) {
        expr(f.format_spec);
        flags |= kFvHaveSpec;
    }
    set_pos(f);
    emit(FORMAT_VALUE, flags);
}

void Codegen::joined_str(const JoinedStr& j) {
    if (j.values.size() == 1 && j.values[0]->kind == ExprKind::FormattedValue) {
        formatted_value(j.values[0]->as<FormattedValue>());
        return;
    }
    for (Expr* v : j.values) {
        if (v->kind == ExprKind::FormattedValue)
            formatted_value(v->as<FormattedValue>());
        else
            expr(v);
    }
    if (j.values.size() != 1)
        emit(BUILD_STRING, int(j.values.size()));
    else if (j.values.empty())
        load_const(str_const(""));
}

void Codegen::lambda(const Lambda& l, const Expr* e) {
    int flags = defaults(l.args);
    std::string qn = qualname_for("<lambda>", true);
    enter(e, "<lambda>", qn, e->lineno);
    ScopeView* child = u().scope;
    CodeUnit& c = *u().out;
    c.argcount = int(l.args->posonlyargs.size() + l.args->args.size());
    c.posonlyargcount = int(l.args->posonlyargs.size());
    c.kwonlyargcount = int(l.args->kwonlyargs.size());
    c.flags = kCoOptimized | kCoNewLocals;
    if (l.args->vararg) c.flags |= kCoVarargs;
    if (l.args->kwarg) c.flags |= kCoVarkeywords;
    if (child->is_generator) c.flags |= kCoGenerator;
    add_const(ConstValue{});
    expr(l.body);
    emit(RETURN_VALUE);
    auto code = leave();
    set_pos(*e);
    make_closure(code, flags, child);
}

void Codegen::yield_from(bool await) {
    int send = new_label(), exit = new_label();
    place(send);
    emit_jump(SEND, exit);
    emit(YIELD_VALUE);
    emit(RESUME, await ? 3 : 2);
    emit_jump(JUMP_NO_INTERRUPT, send);
    place(exit);
}

// kind: 0 list, 1 set, 2 dict, 3 generator
void Codegen::comprehension_generator(const Seq<Comprehension*>& gens, uint32_t index, int depth,
                                      const Expr* elt, const Expr* value, int kind) {
    Comprehension* g = gens[index];
    int start = new_label(), if_cleanup = new_label(), anchor = new_label();
    if (index == 0) {
        emit(LOAD_FAST, 0);  // .0
    } else {
        expr(g->iter);
        emit(g->is_async ? GET_AITER : GET_ITER);
    }
    place(start);
    if (g->is_async) {
        int except = new_label();
        emit_jump(SETUP_FINALLY, except);
        emit(GET_ANEXT);
        load_none();
        yield_from(true);
        emit(POP_BLOCK);
        assign_target(g->target);
        for (Expr* cond : g->ifs) jump_if(cond, if_cleanup, false);
        if (index + 1 < gens.size()) {
            comprehension_generator(gens, index + 1, depth + 1, elt, value, kind);
        } else {
            switch (kind) {
                case 0:
                    expr(elt);
                    emit(LIST_APPEND, depth + 1);
                    break;
                case 1:
                    expr(elt);
                    emit(SET_ADD, depth + 1);
                    break;
                case 2:
                    expr(elt);
                    expr(value);
                    emit(MAP_ADD, depth + 1);
                    break;
                default:
                    expr(elt);
                    emit(ASYNC_GEN_WRAP);
                    emit(YIELD_VALUE);
                    emit(RESUME, 1);
                    emit(POP_TOP);
                    break;
            }
        }
        place(if_cleanup);
        emit_jump(JUMP, start);
        place(except);
        emit(END_ASYNC_FOR);
        (void)anchor;
        return;
    }
    emit_jump(FOR_ITER, anchor);
    assign_target(g->target);
    for (Expr* cond : g->ifs) jump_if(cond, if_cleanup, false);
    if (index + 1 < gens.size()) {
        comprehension_generator(gens, index + 1, depth + 1, elt, value, kind);
    } else {
        switch (kind) {
            case 0:
                expr(elt);
                emit(LIST_APPEND, depth + 1);
                break;
            case 1:
                expr(elt);
                emit(SET_ADD, depth + 1);
                break;
            case 2:
                expr(elt);
                expr(value);
                emit(MAP_ADD, depth + 1);
                break;
            default:
                expr(elt);
                emit(YIELD_VALUE);
                emit(RESUME, 1);
                emit(POP_TOP);
                break;
        }
    }
    place(if_cleanup);
    emit_jump(JUMP, start);
    place(anchor);
}

void Codegen::comprehension(const Expr* e, const Seq<Comprehension*>& gens, const Expr* elt,
                            const Expr* value, int kind) {
    static const char* const kNames[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    std::string qn = qualname_for(kNames[kind], true);
    enter(e, kNames[kind], qn, e->lineno);
    ScopeView* child = u().scope;
    CodeUnit& c = *u().out;
    c.argcount = 1;
    c.flags = kCoOptimized | kCoNewLocals;
    bool is_async = child->is_coroutine;
    if (kind == 3)
        c.flags |= is_async ? kCoAsyncGenerator : kCoGenerator;
    else if (is_async)
        c.flags |= kCoCoroutine;
    set_pos(*e);
    if (kind == 0) emit(BUILD_LIST, 0);
    if (kind == 1) emit(BUILD_SET, 0);
    if (kind == 2) emit(BUILD_MAP, 0);
    comprehension_generator(gens, 0, kind == 3 ? 0 : 1, elt, value, kind);
    if (kind == 3) load_none();
    emit(RETURN_VALUE);
    auto code = leave();
    set_pos(*e);
    make_closure(code, 0, child);
    expr(gens[0]->iter);
    emit(gens[0]->is_async ? GET_AITER : GET_ITER);
    emit(CALL, 0);
    if (is_async && kind != 3) {
        emit(GET_AWAITABLE, 0);
        load_none();
        yield_from(true);
    }
}

void Codegen::expr(const Expr* e) {
    Position saved = u().pos;
    set_pos(*e);
    switch (e->kind) {
        case ExprKind::BoolOp:
            boolop(e->as<BoolOp>());
            break;
        case ExprKind::NamedExpr: {
            auto& n = e->as<NamedExpr>();
            expr(n.value);
            emit(COPY, 1);
            nameop(n.target->as<Name>().id, Ctx::Store);
            break;
        }
        case ExprKind::BinOp: {
            auto& b = e->as<BinOp>();
            expr(b.left);
            expr(b.right);
            set_pos(*e);
            emit(BINARY_OP, binop_code(b.op));
            break;
        }
        case ExprKind::UnaryOp: {
            auto& un = e->as<UnaryOp>();
            expr(un.operand);
            set_pos(*e);
            switch (un.op) {
                case UnaryOperator::Invert:
                    emit(UNARY_INVERT);
                    break;
                case UnaryOperator::Not:
                    emit(UNARY_NOT);
                    break;
                case UnaryOperator::UAdd:
                    emit(UNARY_POSITIVE);
                    break;
                case UnaryOperator::USub:
                    emit(UNARY_NEGATIVE);
                    break;
            }
            break;
        }
        case ExprKind::Lambda:
            lambda(e->as<Lambda>(), e);
            break;
        case ExprKind::IfExp: {
            auto& i = e->as<IfExp>();
            int end = new_label(), next = new_label();
            jump_if(i.test, next, false);
            expr(i.body);
            emit_jump(JUMP, end);
            place(next);
            expr(i.orelse);
            place(end);
            break;
        }
        case ExprKind::Dict:
            dict_display(e->as<Dict>());
            break;
        case ExprKind::Set:
            starred_collection(e->as<Set>().elts, BUILD_SET, SET_UPDATE, false);
            break;
        case ExprKind::ListComp: {
            auto& c = e->as<ListComp>();
            comprehension(e, c.generators, c.elt, nullptr, 0);
            break;
        }
        case ExprKind::SetComp: {
            auto& c = e->as<SetComp>();
            comprehension(e, c.generators, c.elt, nullptr, 1);
            break;
        }
        case ExprKind::DictComp: {
            auto& c = e->as<DictComp>();
            comprehension(e, c.generators, c.key, c.value, 2);
            break;
        }
        case ExprKind::GeneratorExp: {
            auto& c = e->as<GeneratorExp>();
            comprehension(e, c.generators, c.elt, nullptr, 3);
            break;
        }
        case ExprKind::Await: {
            ScopeView* s = u().scope;
            if (s->kind == ScopeView::Kind::Module || s->kind == ScopeView::Kind::Class)
                error(*e, "'await' outside function");
            if (!(u().out->flags & (kCoCoroutine | kCoAsyncGenerator)) &&
                s->kind != ScopeView::Kind::Comprehension)
                error(*e, "'await' outside async function");
            expr(e->as<Await>().value);
            set_pos(*e);
            emit(GET_AWAITABLE, 0);
            load_none();
            yield_from(true);
            break;
        }
        case ExprKind::Yield: {
            if (u().scope->kind != ScopeView::Kind::Function) error(*e, "'yield' outside function");
            auto& y = e->as<Yield>();
            if (y.value)
                expr(y.value);
            else
                load_none();
            set_pos(*e);
            if (u().out->flags & kCoAsyncGenerator) emit(ASYNC_GEN_WRAP);
            emit(YIELD_VALUE);
            emit(RESUME, 1);
            break;
        }
        case ExprKind::YieldFrom: {
            if (u().scope->kind != ScopeView::Kind::Function) error(*e, "'yield' outside function");
            if (u().out->flags & kCoAsyncGenerator) error(*e, "'yield from' inside async function");
            expr(e->as<YieldFrom>().value);
            set_pos(*e);
            emit(GET_YIELD_FROM_ITER);
            load_none();
            yield_from(false);
            break;
        }
        case ExprKind::Compare:
            compare(e->as<Compare>());
            break;
        case ExprKind::Call:
            check_caller(e->as<Call>().func);
            call(e->as<Call>());
            break;
        case ExprKind::FormattedValue:
            formatted_value(e->as<FormattedValue>());
            break;
        case ExprKind::JoinedStr:
            joined_str(e->as<JoinedStr>());
            break;
        case ExprKind::Constant:
            load_const(constant_value(e->as<Constant>().value));
            break;
        case ExprKind::Attribute: {
            auto& a = e->as<Attribute>();
            expr(a.value);
            set_pos(*e);
            emit(LOAD_ATTR, add_name(mangle(a.attr)));
            break;
        }
        case ExprKind::Subscript: {
            auto& s = e->as<Subscript>();
            check_subscripter(s.value);
            expr(s.value);
            subscript_slice(s.slice);
            set_pos(*e);
            emit(BINARY_SUBSCR, s.value->kind == ExprKind::Call ? kSubscrOfCall : 0);
            break;
        }
        case ExprKind::Starred:
            error(*e, "can't use starred expression here");
            break;
        case ExprKind::Name:
            nameop(e->as<Name>().id, Ctx::Load);
            break;
        case ExprKind::List:
            starred_collection(e->as<List>().elts, BUILD_LIST, LIST_EXTEND, false);
            break;
        case ExprKind::Tuple: {
            const Seq<Expr*>& elts = e->as<Tuple>().elts;
            bool all_const = !elts.empty();
            for (Expr* x : elts)
                if (x->kind != ExprKind::Constant) all_const = false;
            if (all_const) {
                ConstValue t;
                t.kind = ConstValue::Kind::Tuple;
                for (Expr* x : elts) t.items.push_back(constant_value(x->as<Constant>().value));
                load_const(t);
            } else {
                starred_collection(elts, BUILD_TUPLE, LIST_EXTEND, true);
            }
            break;
        }
        case ExprKind::Slice:
            error(*e, "slice outside subscript");
            break;
    }
    u().pos = saved;
}

}  // namespace interleave::python
