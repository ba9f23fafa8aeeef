// try/except/finally, except*, with/async with, and unwinding the frame blocks for return,
// break and continue (CPython 3.11's compiler_try_*, compiler_with, compiler_unwind_fblock).
#include "python/compiler/codegen.hpp"

namespace interleave::python {

void Codegen::call_exit_with_nones() {
    load_none();
    load_none();
    load_none();
    emit(CALL, 2);
}

void Codegen::unwind_fblock(const FBlock& b, bool preserve_tos) {
    switch (b.kind) {
        case FBlockKind::WhileLoop:
        case FBlockKind::ExceptionHandler:
        case FBlockKind::ExceptionGroupHandler:
        case FBlockKind::AsyncComprehension:
            return;
        case FBlockKind::ForLoop:
            if (preserve_tos) emit(SWAP, 2);
            emit(POP_TOP);
            return;
        case FBlockKind::TryExcept:
            emit(POP_BLOCK);
            return;
        case FBlockKind::FinallyTry: {
            emit(POP_BLOCK);
            if (preserve_tos) u().fblocks.push_back(FBlock{FBlockKind::PopValue});
            // The finally body runs with this block popped (a return inside it unwinds past).
            std::vector<FBlock> saved = u().fblocks;
            stmts(*b.finalbody);
            u().fblocks = saved;
            if (preserve_tos) u().fblocks.pop_back();
            return;
        }
        case FBlockKind::FinallyEnd:
            if (preserve_tos) emit(SWAP, 2);
            emit(POP_TOP);
            if (preserve_tos) emit(SWAP, 2);
            emit(POP_BLOCK);
            emit(POP_EXCEPT);
            return;
        case FBlockKind::With:
        case FBlockKind::AsyncWith:
            emit(POP_BLOCK);
            if (preserve_tos) emit(SWAP, 2);
            call_exit_with_nones();
            if (b.kind == FBlockKind::AsyncWith) {
                emit(GET_AWAITABLE, 2);
                load_none();
                yield_from(true);
            }
            emit(POP_TOP);
            return;
        case FBlockKind::HandlerCleanup:
            if (!b.name.empty()) emit(POP_BLOCK);
            if (preserve_tos) emit(SWAP, 2);
            emit(POP_BLOCK);
            emit(POP_EXCEPT);
            if (!b.name.empty()) {
                load_none();
                nameop(b.name, Ctx::Store);
                nameop(b.name, Ctx::Del);
            }
            return;
        case FBlockKind::PopValue:
            if (preserve_tos) emit(SWAP, 2);
            emit(POP_TOP);
            return;
    }
}

bool Codegen::unwind_fblock_stack(bool preserve_tos, FBlock* loop_out) {
    auto& fb = u().fblocks;
    std::vector<FBlock> saved = fb;
    bool found = false;
    while (!fb.empty()) {
        FBlock top = fb.back();
        if (loop_out && (top.kind == FBlockKind::WhileLoop || top.kind == FBlockKind::ForLoop)) {
            *loop_out = top;
            found = true;
            break;
        }
        if (loop_out && top.kind == FBlockKind::ExceptionGroupHandler) {
            CompileError e;
            e.info.msg = "'break', 'continue' and 'return' cannot appear in an except* block";
            e.info.filename = filename_;
            e.info.lineno = u().pos.line;
            e.info.offset = u().pos.col + 1;
            e.info.end_lineno = u().pos.end_line;
            e.info.end_offset = u().pos.end_col + 1;
            throw e;
        }
        fb.pop_back();
        unwind_fblock(top, preserve_tos);
    }
    fb = saved;
    return loop_out ? found : true;
}

void Codegen::pop_except_and_reraise() {
    emit(COPY, 3);
    emit(POP_EXCEPT);
    emit(RERAISE, 1);
}

void Codegen::try_stmt(const Try& t, const Stmt* s) {
    if (!t.finalbody.empty())
        try_finally(t, s);
    else
        try_except(t, s);
}

void Codegen::try_finally(const Try& t, const Stmt* s) {
    int body = new_label(), end = new_label(), exit = new_label(), cleanup = new_label();
    emit_jump(SETUP_FINALLY, end);
    place(body);
    u().fblocks.push_back(FBlock{FBlockKind::FinallyTry, body, end, &t.finalbody});
    if (!t.handlers.empty())
        try_except(t, s);
    else
        stmts(t.body);
    set_pos_none();
    emit(POP_BLOCK);
    u().fblocks.pop_back();
    stmts(t.finalbody);
    set_pos_none();
    emit_jump(JUMP, exit);
    place(end);
    emit_jump(SETUP_CLEANUP, cleanup);
    emit(PUSH_EXC_INFO);
    u().fblocks.push_back(FBlock{FBlockKind::FinallyEnd, end});
    stmts(t.finalbody);
    u().fblocks.pop_back();
    set_pos_none();
    emit(RERAISE, 0);
    place(cleanup);
    pop_except_and_reraise();
    place(exit);
}

void Codegen::try_except(const Try& t, const Stmt* s) {
    int body = new_label(), except = new_label(), end = new_label(), cleanup = new_label();
    emit_jump(SETUP_FINALLY, except);
    place(body);
    u().fblocks.push_back(FBlock{FBlockKind::TryExcept, body});
    stmts(t.body);
    u().fblocks.pop_back();
    set_pos_none();
    emit(POP_BLOCK);
    stmts(t.orelse);
    set_pos_none();
    emit_jump(JUMP, end);
    place(except);
    emit_jump(SETUP_CLEANUP, cleanup);
    emit(PUSH_EXC_INFO);
    u().fblocks.push_back(FBlock{FBlockKind::ExceptionHandler});
    for (uint32_t i = 0; i < t.handlers.size(); ++i) {
        ExceptHandler* h = t.handlers[i];
        set_pos(*h);
        if (!h->type && i + 1 < t.handlers.size()) error(*h, "default 'except:' must be last");
        int next = new_label();
        if (h->type) {
            expr(h->type);
            emit(CHECK_EXC_MATCH);
            emit_jump(POP_JUMP_IF_FALSE_P, next);
        }
        if (!h->name.empty()) {
            int cleanup_end = new_label(), cleanup_body = new_label();
            nameop(h->name, Ctx::Store);
            emit_jump(SETUP_CLEANUP, cleanup_end);
            place(cleanup_body);
            u().fblocks.push_back(
                FBlock{FBlockKind::HandlerCleanup, cleanup_body, -1, nullptr, h->name});
            stmts(h->body);
            u().fblocks.pop_back();
            set_pos_none();
            emit(POP_BLOCK);
            emit(POP_BLOCK);
            emit(POP_EXCEPT);
            load_none();
            nameop(h->name, Ctx::Store);
            nameop(h->name, Ctx::Del);
            emit_jump(JUMP, end);
            place(cleanup_end);
            load_none();
            nameop(h->name, Ctx::Store);
            nameop(h->name, Ctx::Del);
            emit(RERAISE, 1);
        } else {
            int cleanup_body = new_label();
            emit(POP_TOP);
            place(cleanup_body);
            u().fblocks.push_back(FBlock{FBlockKind::HandlerCleanup, cleanup_body});
            stmts(h->body);
            u().fblocks.pop_back();
            set_pos_none();
            emit(POP_BLOCK);
            emit(POP_EXCEPT);
            emit_jump(JUMP, end);
        }
        place(next);
    }
    u().fblocks.pop_back();
    set_pos_none();
    emit(RERAISE, 0);
    place(cleanup);
    pop_except_and_reraise();
    place(end);
    (void)s;
}

void Codegen::try_star(const Try& t, const Stmt* s) {
    if (!t.finalbody.empty()) {
        // try/except*/finally: the finally wraps the except* part.
        int body = new_label(), end = new_label(), exit = new_label(), cleanup = new_label();
        emit_jump(SETUP_FINALLY, end);
        place(body);
        u().fblocks.push_back(FBlock{FBlockKind::FinallyTry, body, end, &t.finalbody});
        Try inner = t;
        inner.finalbody = Seq<Stmt*>{};
        try_star(inner, s);
        set_pos_none();
        emit(POP_BLOCK);
        u().fblocks.pop_back();
        stmts(t.finalbody);
        emit_jump(JUMP, exit);
        place(end);
        emit_jump(SETUP_CLEANUP, cleanup);
        emit(PUSH_EXC_INFO);
        u().fblocks.push_back(FBlock{FBlockKind::FinallyEnd, end});
        stmts(t.finalbody);
        u().fblocks.pop_back();
        emit(RERAISE, 0);
        place(cleanup);
        pop_except_and_reraise();
        place(exit);
        return;
    }
    int body = new_label(), except = new_label(), orelse = new_label(), end = new_label(),
        cleanup = new_label(), reraise_star = new_label();
    emit_jump(SETUP_FINALLY, except);
    place(body);
    u().fblocks.push_back(FBlock{FBlockKind::TryExcept, body});
    stmts(t.body);
    u().fblocks.pop_back();
    set_pos_none();
    emit(POP_BLOCK);
    emit_jump(JUMP, orelse);
    place(except);
    emit_jump(SETUP_CLEANUP, cleanup);
    emit(PUSH_EXC_INFO);
    u().fblocks.push_back(FBlock{FBlockKind::ExceptionGroupHandler});
    uint32_t n = t.handlers.size();
    for (uint32_t i = 0; i < n; ++i) {
        ExceptHandler* h = t.handlers[i];
        set_pos(*h);
        int next_except = new_label(), except_with_error = new_label(), no_match = new_label();
        if (i == 0) {
            emit(BUILD_LIST, 0);
            emit(COPY, 2);
        }
        if (!h->type) error(*h, "expected one or more exception types");
        expr(h->type);
        emit(CHECK_EG_MATCH);
        emit(COPY, 1);
        emit_jump(POP_JUMP_IF_NONE, no_match);
        int cleanup_end = new_label(), cleanup_body = new_label();
        if (!h->name.empty())
            nameop(h->name, Ctx::Store);
        else
            emit(POP_TOP);
        emit_jump(SETUP_CLEANUP, cleanup_end);
        place(cleanup_body);
        u().fblocks.push_back(
            FBlock{FBlockKind::HandlerCleanup, cleanup_body, -1, nullptr, h->name});
        stmts(h->body);
        u().fblocks.pop_back();
        set_pos_none();
        emit(POP_BLOCK);
        if (!h->name.empty()) {
            load_none();
            nameop(h->name, Ctx::Store);
            nameop(h->name, Ctx::Del);
        }
        emit_jump(JUMP, next_except);
        place(cleanup_end);
        if (!h->name.empty()) {
            load_none();
            nameop(h->name, Ctx::Store);
            nameop(h->name, Ctx::Del);
        }
        emit(LIST_APPEND, 3);
        emit(POP_TOP);
        emit_jump(JUMP, except_with_error);
        place(next_except);
        emit(NOP);
        emit_jump(JUMP, except_with_error);
        place(no_match);
        emit(POP_TOP);
        place(except_with_error);
        if (i == n - 1) {
            emit(LIST_APPEND, 1);
            emit_jump(JUMP, reraise_star);
        }
    }
    u().fblocks.pop_back();
    int reraise = new_label();
    place(reraise_star);
    set_pos_none();
    emit(PREP_RERAISE_STAR);
    emit(COPY, 1);
    emit_jump(POP_JUMP_IF_NOT_NONE, reraise);
    emit(POP_TOP);
    emit(POP_BLOCK);
    emit(POP_EXCEPT);
    emit_jump(JUMP, end);
    place(reraise);
    emit(POP_BLOCK);
    emit(SWAP, 2);
    emit(POP_EXCEPT);
    emit(RERAISE, 0);
    place(cleanup);
    pop_except_and_reraise();
    place(orelse);
    stmts(t.orelse);
    place(end);
}

void Codegen::with_except_finish(int cleanup) {
    int exit = new_label();
    emit_jump(POP_JUMP_IF_TRUE_P, exit);
    emit(RERAISE, 2);
    place(cleanup);
    pop_except_and_reraise();
    place(exit);
    emit(POP_TOP);
    emit(POP_BLOCK);
    emit(POP_EXCEPT);
    emit(POP_TOP);
    emit(POP_TOP);
}

void Codegen::with_stmt(const With& w, const Stmt* s, uint32_t item, bool is_async) {
    WithItem* it = w.items[item];
    int block = new_label(), final_ = new_label(), exit = new_label(), cleanup = new_label();
    expr(it->context_expr);
    set_pos(*s);
    if (is_async) {
        emit(BEFORE_ASYNC_WITH);
        emit(GET_AWAITABLE, 1);
        load_none();
        yield_from(true);
    } else {
        emit(BEFORE_WITH);
    }
    emit_jump(SETUP_WITH, final_);
    place(block);
    u().fblocks.push_back(
        FBlock{is_async ? FBlockKind::AsyncWith : FBlockKind::With, block, final_, nullptr, {}, s});
    if (it->optional_vars)
        assign_target(it->optional_vars);
    else
        emit(POP_TOP);
    if (item + 1 < w.items.size())
        with_stmt(w, s, item + 1, is_async);
    else
        stmts(w.body);
    u().fblocks.pop_back();
    set_pos(*s);
    emit(POP_BLOCK);
    call_exit_with_nones();
    if (is_async) {
        emit(GET_AWAITABLE, 2);
        load_none();
        yield_from(true);
    }
    emit(POP_TOP);
    emit_jump(JUMP, exit);
    place(final_);
    emit_jump(SETUP_CLEANUP, cleanup);
    emit(PUSH_EXC_INFO);
    emit(WITH_EXCEPT_START);
    if (is_async) {
        emit(GET_AWAITABLE, 2);
        load_none();
        yield_from(true);
    }
    with_except_finish(cleanup);
    place(exit);
}

}  // namespace interleave::python
