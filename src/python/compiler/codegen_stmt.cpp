// Statements (CPython 3.11's compiler_* for statements); try/with and unwinding are in
// codegen_try.cpp.
#include "engine/runtime.hpp"
#include "python/compiler/codegen.hpp"

namespace interleave::python {

namespace {
bool is_docstring(const Stmt* s) {
    if (s->kind != StmtKind::Expr) return false;
    const Expr* v = s->as<ExprStmt>().value;
    return v->kind == ExprKind::Constant && v->as<Constant>().value.kind == ConstantKind::Str;
}
}  // namespace

void Codegen::stmts(const Seq<Stmt*>& body) {
    for (Stmt* s : body) stmt(s);
}

void Codegen::stmt(const Stmt* s) {
    engine::answer_heartbeat();  // a long module is compiled without a checkpoint
    set_pos(*s);
    switch (s->kind) {
        case StmtKind::FunctionDef: {
            auto& f = s->as<FunctionDef>();
            function_def(s, f.name, f.args, f.body, f.decorator_list, f.returns, false);
            break;
        }
        case StmtKind::AsyncFunctionDef: {
            auto& f = s->as<AsyncFunctionDef>();
            function_def(s, f.name, f.args, f.body, f.decorator_list, f.returns, true);
            break;
        }
        case StmtKind::ClassDef:
            class_def(s->as<ClassDef>(), s);
            break;
        case StmtKind::Return:
            return_stmt(s->as<Return>(), s);
            break;
        case StmtKind::Delete:
            for (Expr* t : s->as<Delete>().targets) delete_target(t);
            break;
        case StmtKind::Assign: {
            auto& a = s->as<Assign>();
            expr(a.value);
            for (uint32_t i = 0; i < a.targets.size(); ++i) {
                if (i + 1 < a.targets.size()) emit(COPY, 1);
                assign_target(a.targets[i]);
            }
            break;
        }
        case StmtKind::AugAssign:
            aug_assign(s->as<AugAssign>());
            break;
        case StmtKind::AnnAssign:
            ann_assign(s->as<AnnAssign>());
            break;
        case StmtKind::For:
            for_stmt(s, false);
            break;
        case StmtKind::AsyncFor:
            for_stmt(s, true);
            break;
        case StmtKind::While:
            while_stmt(s->as<While>(), s);
            break;
        case StmtKind::If:
            if_stmt(s->as<If>());
            break;
        case StmtKind::With:
            with_stmt(s->as<With>(), s, 0, false);
            break;
        case StmtKind::AsyncWith:
            with_stmt(*reinterpret_cast<const With*>(s), s, 0, true);
            break;
        case StmtKind::Match:
            match_stmt(s->as<Match>());
            break;
        case StmtKind::Raise:
            raise_stmt(s->as<Raise>());
            break;
        case StmtKind::Try:
            try_stmt(s->as<Try>(), s);
            break;
        case StmtKind::TryStar:
            try_star(*reinterpret_cast<const Try*>(s), s);
            break;
        case StmtKind::Assert:
            assert_stmt(s->as<Assert>());
            break;
        case StmtKind::Import:
            import(s->as<Import>());
            break;
        case StmtKind::ImportFrom:
            import_from(s->as<ImportFrom>(), s);
            break;
        case StmtKind::Global:
        case StmtKind::Nonlocal:
        case StmtKind::Pass:
            break;
        case StmtKind::Expr: {
            const Expr* v = s->as<ExprStmt>().value;
            if (v->kind == ExprKind::Constant) break;  // docstrings and bare literals
            expr(v);
            emit(POP_TOP);
            break;
        }
        case StmtKind::Break:
            break_continue(s, true);
            break;
        case StmtKind::Continue:
            break_continue(s, false);
            break;
    }
}

int Codegen::defaults(const Arguments* a) {
    int flags = 0;
    if (!a->defaults.empty()) {
        exprs(a->defaults);
        emit(BUILD_TUPLE, int(a->defaults.size()));
        flags |= kMfDefaults;
    }
    int nkw = 0;
    for (uint32_t i = 0; i < a->kwonlyargs.size(); ++i) {
        if (!a->kw_defaults[i]) continue;
        load_const(str_const(mangle(a->kwonlyargs[i]->arg)));
        expr(a->kw_defaults[i]);
        ++nkw;
    }
    if (nkw) {
        emit(BUILD_MAP, nkw);
        flags |= kMfKwDefaults;
    }
    return flags;
}

bool Codegen::annotations(const Arguments* a, Expr* returns) {
    int n = 0;
    auto one = [&](Arg* p) {
        if (p && p->annotation) {
            load_const(str_const(mangle(p->arg)));
            expr(p->annotation);
            ++n;
        }
    };
    for (Arg* p : a->posonlyargs) one(p);
    for (Arg* p : a->args) one(p);
    one(a->vararg);
    for (Arg* p : a->kwonlyargs) one(p);
    one(a->kwarg);
    if (returns) {
        load_const(str_const("return"));
        expr(returns);
        ++n;
    }
    if (!n) return false;
    emit(BUILD_MAP, n);
    return true;
}

void Codegen::function_def(const Stmt* s, std::string_view name, const Arguments* args,
                           const Seq<Stmt*>& body, const Seq<Expr*>& decorators, Expr* returns,
                           bool is_async) {
    for (Expr* d : decorators) expr(d);
    set_pos(*s);
    int flags = defaults(args);
    if (annotations(args, returns)) flags |= kMfAnnotations;
    int firstline = s->lineno;
    if (!decorators.empty()) firstline = decorators[0]->lineno;
    std::string qn = qualname_for(std::string(name), true);
    enter(s, std::string(name), qn, firstline);
    ScopeView* child = u().scope;
    CodeUnit& c = *u().out;
    c.argcount = int(args->posonlyargs.size() + args->args.size());
    c.posonlyargcount = int(args->posonlyargs.size());
    c.kwonlyargcount = int(args->kwonlyargs.size());
    c.flags = kCoOptimized | kCoNewLocals;
    if (args->vararg) c.flags |= kCoVarargs;
    if (args->kwarg) c.flags |= kCoVarkeywords;
    if (is_async)
        c.flags |= child->is_generator ? kCoAsyncGenerator : kCoCoroutine;
    else if (child->is_generator)
        c.flags |= kCoGenerator;
    if (!child->freevars.empty()) c.flags |= kCoNested;
    // The docstring is the first constant (None when there is none).
    uint32_t start = 0;
    if (!body.empty() && is_docstring(body[0])) {
        add_const(str_const(body[0]->as<ExprStmt>().value->as<Constant>().value.text));
        start = 1;
    } else {
        load_none();
        u().instrs.pop_back();
    }
    for (uint32_t i = start; i < body.size(); ++i) stmt(body[i]);
    set_pos_none();
    load_none();
    emit(RETURN_VALUE);
    auto code = leave();
    set_pos(*s);
    make_closure(code, flags, child);
    for (uint32_t i = 0; i < decorators.size(); ++i) emit(CALL, 0);
    nameop(name, Ctx::Store);
}

void Codegen::class_def(const ClassDef& cd, const Stmt* s) {
    for (Expr* d : cd.decorator_list) expr(d);
    set_pos(*s);
    int firstline = cd.decorator_list.empty() ? s->lineno : cd.decorator_list[0]->lineno;
    std::string qn = qualname_for(std::string(cd.name), false);
    enter(s, std::string(cd.name), qn, firstline);
    ScopeView* child = u().scope;
    set_pos(*s);
    nameop("__name__", Ctx::Load);
    nameop("__module__", Ctx::Store);
    load_const(str_const(qn));
    nameop("__qualname__", Ctx::Store);
    bool has_ann = false;
    for (Stmt* st : cd.body)
        if (st->kind == StmtKind::AnnAssign) has_ann = true;
    if (has_ann) emit(SETUP_ANNOTATIONS);
    uint32_t start = 0;
    if (!cd.body.empty() && is_docstring(cd.body[0])) {
        set_pos(*cd.body[0]);
        expr(cd.body[0]->as<ExprStmt>().value);
        nameop("__doc__", Ctx::Store);
        start = 1;
    }
    for (uint32_t i = start; i < cd.body.size(); ++i) stmt(cd.body[i]);
    set_pos_none();
    if (child->needs_class_closure) {
        emit(LOAD_CLOSURE, u().deref.at("__class__"));
        emit(COPY, 1);
        nameop("__classcell__", Ctx::Store);
    } else {
        load_none();
    }
    emit(RETURN_VALUE);
    auto code = leave();
    set_pos(*s);
    emit(LOAD_BUILD_CLASS);
    emit(PUSH_NULL);
    make_closure(code, 0, child);
    load_const(str_const(cd.name));
    Seq<Expr*> bases = cd.bases;
    call_args(bases, cd.keywords, 2);
    for (uint32_t i = 0; i < cd.decorator_list.size(); ++i) emit(CALL, 0);
    nameop(cd.name, Ctx::Store);
}

void Codegen::if_stmt(const If& i) {
    int end = new_label();
    if (!i.orelse.empty()) {
        int next = new_label();
        jump_if(i.test, next, false);
        stmts(i.body);
        emit_jump(JUMP, end);
        place(next);
        stmts(i.orelse);
    } else {
        jump_if(i.test, end, false);
        stmts(i.body);
    }
    place(end);
}

void Codegen::while_stmt(const While& w, const Stmt* s) {
    int loop = new_label(), body = new_label(), anchor = new_label(), end = new_label();
    place(loop);
    u().fblocks.push_back(FBlock{FBlockKind::WhileLoop, loop, end});
    jump_if(w.test, anchor, false);
    place(body);
    stmts(w.body);
    set_pos(*s);
    jump_if(w.test, body, true);
    u().fblocks.pop_back();
    place(anchor);
    stmts(w.orelse);
    place(end);
}

void Codegen::for_stmt(const Stmt* s, bool is_async) {
    const For& f = *reinterpret_cast<const For*>(s);
    int start = new_label(), cleanup = new_label(), end = new_label();
    expr(f.iter);
    set_pos(*s);
    if (!is_async) {
        emit(GET_ITER);
        place(start);
        u().fblocks.push_back(FBlock{FBlockKind::ForLoop, start, end});
        emit_jump(FOR_ITER, cleanup);
        assign_target(f.target);
        stmts(f.body);
        set_pos_none();
        emit_jump(JUMP, start);
        u().fblocks.pop_back();
        place(cleanup);
        stmts(f.orelse);
        place(end);
        return;
    }
    int except = new_label();
    emit(GET_AITER);
    place(start);
    u().fblocks.push_back(FBlock{FBlockKind::ForLoop, start, end});
    emit_jump(SETUP_FINALLY, except);
    emit(GET_ANEXT);
    load_none();
    yield_from(true);
    emit(POP_BLOCK);
    assign_target(f.target);
    stmts(f.body);
    set_pos_none();
    emit_jump(JUMP, start);
    u().fblocks.pop_back();
    place(except);
    emit(END_ASYNC_FOR);
    stmts(f.orelse);
    place(end);
    (void)cleanup;
}

void Codegen::return_stmt(const Return& r, const Stmt* s) {
    ScopeView* sc = u().scope;
    if (sc->kind != ScopeView::Kind::Function) error(*s, "'return' outside function");
    if (r.value && (u().out->flags & kCoAsyncGenerator))
        error(*s, "'return' with value in async generator");
    bool preserve = r.value != nullptr;
    if (preserve) expr(r.value);
    set_pos(*s);
    unwind_fblock_stack(preserve, nullptr);
    if (!r.value) load_none();
    emit(RETURN_VALUE);
}

void Codegen::break_continue(const Stmt* s, bool is_break) {
    FBlock loop{};
    if (!unwind_fblock_stack(false, &loop))
        error(*s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    if (is_break) {
        unwind_fblock(loop, false);
        emit_jump(JUMP, loop.exit);
    } else {
        emit_jump(JUMP, loop.block);
    }
}

void Codegen::raise_stmt(const Raise& r) {
    int n = 0;
    if (r.exc) {
        expr(r.exc);
        ++n;
        if (r.cause) {
            expr(r.cause);
            ++n;
        }
    }
    emit(RAISE_VARARGS, n);
}

void Codegen::assert_stmt(const Assert& a) {
    if (a.test->kind == ExprKind::Tuple && !a.test->as<Tuple>().elts.empty())
        warn(*a.test, "assertion is always true, perhaps remove parentheses?");
    int end = new_label();
    jump_if(a.test, end, true);
    emit(LOAD_ASSERTION_ERROR);
    if (a.msg) {
        expr(a.msg);
        emit(CALL, 0);
    }
    emit(RAISE_VARARGS, 1);
    place(end);
}

// Every instruction of an import is at the statement's position (the caller's), as CPython
// 3.11's compiler_import/compiler_from_import: a failing import's traceback shows no carets
// under a statement alone on its line.
void Codegen::import(const Import& im) {
    for (Alias* a : im.names) {
        load_const(int_const(0));
        load_none();
        emit(IMPORT_NAME, add_name(a->name));
        if (!a->asname.empty()) {
            std::string_view n = a->name;
            size_t dot = n.find('.');
            while (dot != std::string_view::npos) {
                size_t next = n.find('.', dot + 1);
                std::string_view part =
                    n.substr(dot + 1, next == std::string_view::npos ? std::string_view::npos
                                                                     : next - dot - 1);
                emit(IMPORT_FROM, add_name(part));
                emit(SWAP, 2);
                emit(POP_TOP);
                dot = next;
            }
            nameop(a->asname, Ctx::Store);
        } else {
            std::string_view n = a->name;
            nameop(n.substr(0, n.find('.')), Ctx::Store);
        }
    }
}

void Codegen::import_from(const ImportFrom& im, const Stmt* s) {
    load_const(int_const(im.level));
    ConstValue names;
    names.kind = ConstValue::Kind::Tuple;
    for (Alias* a : im.names) names.items.push_back(str_const(a->name));
    load_const(names);
    emit(IMPORT_NAME, add_name(im.module));
    if (im.names.size() == 1 && im.names[0]->name == "*") {
        emit(IMPORT_STAR);
        return;
    }
    for (Alias* a : im.names) {
        emit(IMPORT_FROM, add_name(a->name));
        nameop(a->asname.empty() ? a->name : a->asname, Ctx::Store);
    }
    set_pos(*s);
    emit(POP_TOP);
}

void Codegen::assign_target(const Expr* t) {
    set_pos(*t);
    switch (t->kind) {
        case ExprKind::Name:
            nameop(t->as<Name>().id, Ctx::Store);
            break;
        case ExprKind::Attribute: {
            auto& a = t->as<Attribute>();
            expr(a.value);
            set_pos(*t);
            emit(STORE_ATTR, add_name(mangle(a.attr)));
            break;
        }
        case ExprKind::Subscript: {
            auto& s = t->as<Subscript>();
            expr(s.value);
            subscript_slice(s.slice);
            set_pos(*t);
            emit(STORE_SUBSCR, s.value->kind == ExprKind::Call ? kSubscrOfCall : 0);
            break;
        }
        case ExprKind::Tuple:
        case ExprKind::List: {
            const Seq<Expr*>& elts =
                t->kind == ExprKind::Tuple ? t->as<Tuple>().elts : t->as<List>().elts;
            int star = -1;
            for (uint32_t i = 0; i < elts.size(); ++i) {
                if (elts[i]->kind == ExprKind::Starred) {
                    if (star >= 0) error(*elts[i], "multiple starred expressions in assignment");
                    star = int(i);
                }
            }
            if (star < 0) {
                emit(UNPACK_SEQUENCE, int(elts.size()));
            } else {
                int after = int(elts.size()) - star - 1;
                emit(UNPACK_EX, star | (after << 8));
            }
            for (Expr* e : elts)
                assign_target(e->kind == ExprKind::Starred ? e->as<Starred>().value : e);
            break;
        }
        case ExprKind::Starred:
            error(*t, "starred assignment target must be in a list or tuple");
            break;
        default:
            error(*t, "cannot assign to expression");
            break;
    }
}

void Codegen::delete_target(const Expr* t) {
    set_pos(*t);
    switch (t->kind) {
        case ExprKind::Name:
            nameop(t->as<Name>().id, Ctx::Del);
            break;
        case ExprKind::Attribute:
            expr(t->as<Attribute>().value);
            set_pos(*t);
            emit(DELETE_ATTR, add_name(mangle(t->as<Attribute>().attr)));
            break;
        case ExprKind::Subscript:
            expr(t->as<Subscript>().value);
            subscript_slice(t->as<Subscript>().slice);
            set_pos(*t);
            emit(DELETE_SUBSCR);
            break;
        case ExprKind::Tuple:
            for (Expr* e : t->as<Tuple>().elts) delete_target(e);
            break;
        case ExprKind::List:
            for (Expr* e : t->as<List>().elts) delete_target(e);
            break;
        default:
            error(*t, "cannot delete expression");
            break;
    }
}

namespace {
int binop_arg(Operator op) {
    switch (op) {
        case Operator::Add:
            return int(BinaryOp::add);
        case Operator::Sub:
            return int(BinaryOp::sub);
        case Operator::Mult:
            return int(BinaryOp::mul);
        case Operator::MatMult:
            return int(BinaryOp::matmul);
        case Operator::Div:
            return int(BinaryOp::truediv);
        case Operator::Mod:
            return int(BinaryOp::mod);
        case Operator::Pow:
            return int(BinaryOp::pow);
        case Operator::LShift:
            return int(BinaryOp::lshift);
        case Operator::RShift:
            return int(BinaryOp::rshift);
        case Operator::BitOr:
            return int(BinaryOp::or_);
        case Operator::BitXor:
            return int(BinaryOp::xor_);
        case Operator::BitAnd:
            return int(BinaryOp::and_);
        case Operator::FloorDiv:
            return int(BinaryOp::floordiv);
    }
    return 0;
}
}  // namespace

int binop_code(Operator op) {
    return binop_arg(op);
}

void Codegen::aug_assign(const AugAssign& a) {
    const Expr* t = a.target;
    int op = binop_arg(a.op) + kInplace;
    switch (t->kind) {
        case ExprKind::Name:
            set_pos(*t);
            nameop(t->as<Name>().id, Ctx::Load);
            expr(a.value);
            set_pos(a);  // the operation is the whole statement's (as CPython 3.11)
            emit(BINARY_OP, op);
            set_pos(*t);
            nameop(t->as<Name>().id, Ctx::Store);
            break;
        case ExprKind::Attribute: {
            auto& at = t->as<Attribute>();
            expr(at.value);
            emit(COPY, 1);
            set_pos(*t);
            emit(LOAD_ATTR, add_name(mangle(at.attr)));
            expr(a.value);
            set_pos(a);  // the operation is the whole statement's (as CPython 3.11)
            emit(BINARY_OP, op);
            set_pos(*t);
            emit(SWAP, 2);
            emit(STORE_ATTR, add_name(mangle(at.attr)));
            break;
        }
        case ExprKind::Subscript: {
            auto& s = t->as<Subscript>();
            expr(s.value);
            subscript_slice(s.slice);
            emit(COPY, 2);
            emit(COPY, 2);
            set_pos(*t);
            emit(BINARY_SUBSCR);
            expr(a.value);
            set_pos(a);  // the operation is the whole statement's (as CPython 3.11)
            emit(BINARY_OP, op);
            set_pos(*t);
            emit(SWAP, 3);
            emit(SWAP, 2);
            emit(STORE_SUBSCR);
            break;
        }
        default:
            error(*t, "illegal expression for augmented assignment");
    }
}

void Codegen::ann_assign(const AnnAssign& a) {
    if (a.value) {
        expr(a.value);
        assign_target(a.target);
    }
    if (a.target->kind == ExprKind::Name && a.simple && (u().is_module || u().is_class)) {
        expr(a.annotation);
        nameop("__annotations__", Ctx::Load);
        load_const(str_const(mangle(a.target->as<Name>().id)));
        emit(STORE_SUBSCR);
    }
}

}  // namespace interleave::python
