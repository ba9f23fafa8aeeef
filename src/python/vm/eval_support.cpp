// The eval loop's slow paths (eval_helpers.hpp): the breaker, name errors, tracebacks,
// raise, with, f-string pieces, unpacking, building collections and functions.
#include <cstring>

#include "engine/runtime.hpp"
#include "python/objects/set.hpp"
#include "python/vm/call.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/eval_helpers.hpp"
#include "python/vm/generator.hpp"
#include "python/vm/ops.hpp"
#include "python/vm/suggestions.hpp"
#include "python/vm/thread_start.hpp"

namespace interleave::python {

bool poll_long_loop(ThreadState& ts) {
    if (ts.stopped) return false;
    if (engine::WorkerContext* ctx = ts.ctx) {
        if (ctx->breaker() & (engine::breaker::stop | engine::breaker::kill_daemons)) {
            bool stop = false;
            try {
                stop = ts.rt->stop_requested();
            } catch (...) {
                stop = true;
            }
            if (stop) {
                raise_stopped(ts);
                return false;
            }
        }
    }
    return true;
}

bool thread_may_continue(ThreadState& ts) {
    if (ts.stopped) return false;
    // A daemon thread that got the GIL back after interpreter shutdown began: CPython 3.11's
    // take_gil makes it exit at once; here it unwinds without running handlers.
    if (ts.interp.finalizing.load(std::memory_order_relaxed) && ts.spawned) {
        raise_stopped(ts);
        return false;
    }
    return true;
}

namespace {

// The innermost frame of the program itself (interp.config.filename, "<main>"): inside a
// module written in Python (threading's Condition.wait, queue's get) the line the user sees is
// the program's call into it. The innermost frame when no frame is the program's.
const Frame* program_frame(const ThreadState& ts) {
    const Frame* f = ts.frame;
    while (f && f->code->filename->view() != ts.interp.config.filename) f = f->back;
    return f ? f : ts.frame;
}

int frame_line(const Frame* f) {
    const Code* code = f->code;
    const int offset = int(f->ip - code->code.data()) - 1;
    const int line = code->position(offset < 0 ? 0 : offset).line;
    return line < 0 ? 0 : line;
}

void emit_line(ThreadState& ts, engine::WorkerContext& ctx, const Frame* f) {
    const uint32_t id = ts.rt->tracer().intern(std::string(f->code->filename->view()));
    ctx.emit(engine::EventKind::py_line, engine::py_line_arg(id, uint32_t(frame_line(f))));
}

void publish_line(ThreadState& ts, engine::WorkerContext& ctx) {
    if (!ctx.line_sample_due()) return;
    ts.count_cpu();  // the views' CPU work, live to within a sample period
    if (!ts.frame) return;
    emit_line(ts, ctx, program_frame(ts));
}

}  // namespace

void publish_wait_line(engine::WorkerContext& ctx) {
    auto* ts = static_cast<ThreadState*>(ctx.user);
    if (!ts) return;
    ts->count_cpu();  // the CPU work so far counts while this thread waits
    if (!ts->frame || !ts->rt) return;
    const Frame* f = program_frame(*ts);
    ctx.set_wait_line(frame_line(f));  // named in a deadlock report
    // The py_line event only in runs that sample lines (the playground's): others' traces
    // stay as they were.
    if (ctx.runtime().config().line_sample_ms > 0) emit_line(*ts, ctx, f);
}

bool eval_breaker(ThreadState& ts, uint64_t& instructions) {
    if (engine::WorkerContext* ctx = ts.ctx) {
        // Virtual time for the interpreted work (no-op on the real machine), then the engine's
        // bits: stop, the GIL's drop request (forced switching), the simulated scheduler.
        ctx->charge_instructions(instructions);
        instructions = 0;
        const uint32_t bits = ctx->breaker();
        if (bits & engine::breaker::engine_bits) {
            try {
                ctx->checkpoint();
            } catch (const engine::RunStopped&) {
                raise_stopped(ts);
                return false;
            }
            if (!thread_may_continue(ts)) return false;
        }
        if (bits & engine::breaker::line_sample) publish_line(ts, *ctx);
        if (bits & engine::breaker::gc) ctx->clear_breaker(engine::breaker::gc);
    } else {
        instructions = 0;
    }
    if (ts.heap.collection_due() && ts.interp.can_collect(ts)) ts.interp.collect(ts);
    return true;
}

void raise_unbound_local(ThreadState& ts, const Code* code, unsigned index) {
    raisef(ts, &exc_UnboundLocalError,
           "cannot access local variable '{}' where it is not associated with a value",
           code->localsplusnames[index]->view());
}

void raise_unbound_deref(ThreadState& ts, const Code* code, unsigned index) {
    uint8_t kind = code->localspluskinds[index];
    if (kind & kFastFree)
        raisef(ts, &exc_NameError,
               "cannot access free variable '{}' where it is not associated with a value in "
               "enclosing scope",
               code->localsplusnames[index]->view());
    else
        raise_unbound_local(ts, code, index);
}

void raise_name_error(ThreadState& ts, Str* name) {
    Value e =
        new_exception(ts, &exc_NameError, fmt::format("name '{}' is not defined", name->view()));
    if (e.is_null()) return;
    Rooted ke(ts, e);
    if (Dict* d = exception_attrs(ts, e)) dict_set_str(ts, d, names.name, Value::from_ptr(name));
    if (Str* s = name_error_suggestion(ts, ts.frame, name))
        e.as<BaseException>()->suggestion = Value::from_ptr(s);
    raise_instance(ts, e);
}

void add_traceback(ThreadState& ts, Frame* frame, int offset) {
    if (ts.curexc.is_null() || ts.stopped || !is_exception_instance(ts.curexc)) return;
    auto* tb = ts.heap.make<Traceback>(&traceback_type, sizeof(Traceback));
    if (!tb) return;
    auto* e = ts.curexc.as<BaseException>();
    tb->next = e->traceback;
    tb->code = frame->code;
    tb->lasti = offset;
    tb->lineno = frame->code->position(offset).line;
    e->traceback = Value::from_ptr(tb);
}

const ExceptionEntry* find_handler(const Code* code, int offset) {
    // Entries are sorted by start; the innermost covering entry comes first at equal starts
    // (the assembler emits them so), so the first match wins.
    for (const ExceptionEntry& e : code->exceptiontable)
        if (uint32_t(offset) >= e.start && uint32_t(offset) < e.end) return &e;
    return nullptr;
}

Value exception_traceback(Value exc) {
    if (!is_exception_instance(exc)) return Value::none();
    Value tb = exc.as<BaseException>()->traceback;
    return tb.is_null() ? Value::none() : tb;
}

void do_raise(ThreadState& ts, Value exc, Value cause, bool has_cause) {
    Value e;
    if (is_exception_type(exc)) {
        e = call0(ts, exc);
        if (e.is_null()) return;
        if (!is_exception_instance(e)) {
            raisef(ts, &exc_TypeError,
                   "calling {} should have returned an instance of BaseException, not {}",
                   exc.as<Type>()->name_str->view(), type_name(e));
            return;
        }
    } else if (is_exception_instance(exc)) {
        e = exc;
    } else {
        raise(ts, &exc_TypeError, "exceptions must derive from BaseException");
        return;
    }
    Rooted ke(ts, e);
    if (has_cause) {
        Value c;
        if (cause.is_none()) {
            c = Value::null();
        } else if (is_exception_type(cause)) {
            c = call0(ts, cause);
            if (c.is_null()) return;
        } else if (is_exception_instance(cause)) {
            c = cause;
        } else {
            raise(ts, &exc_TypeError, "exception causes must derive from BaseException");
            return;
        }
        e.as<BaseException>()->cause = c;
        e.as<BaseException>()->suppress_context = true;
    }
    raise_instance(ts, e);
}

bool check_except_type_valid(ThreadState& ts, Value type) {
    auto ok = [](Value t) { return is_exception_type(t); };
    if (is_tuple(type)) {
        Tuple* t = type.as<Tuple>();
        for (int64_t i = 0; i < t->size; ++i)
            if (!ok(t->items[i])) goto bad;
        return true;
    }
    if (ok(type)) return true;
bad:
    raise(ts, &exc_TypeError,
          "catching classes that do not inherit from BaseException is not allowed");
    return false;
}

Value build_string(ThreadState& ts, const Value* parts, unsigned n) {
    size_t total = 0;
    for (unsigned i = 0; i < n; ++i) total += size_t(parts[i].as<Str>()->nbytes);
    std::string s;
    s.reserve(total);
    for (unsigned i = 0; i < n; ++i) s.append(str_view(parts[i]));
    return str_value(ts, s);
}

Value build_set(ThreadState& ts, const Value* items, unsigned n) {
    Set* s = new_set(ts);
    if (!s) return Value::null();
    Rooted keep(ts, Value::from_ptr(s));
    for (unsigned i = 0; i < n; ++i)
        if (!set_add(ts, s, items[i])) return Value::null();
    return Value::from_ptr(s);
}

bool set_add_value(ThreadState& ts, Value set, Value item) {
    return set_add(ts, set.as<Set>(), item);
}

bool set_update_value(ThreadState& ts, Value set, Value iterable) {
    return set_update_from(ts, set.as<Set>(), iterable);
}

// DICT_MERGE of a call's ** argument, with CPython 3.11's messages (format_kwargs_error).
// Keys that are not strings pass: the call says "keywords must be strings", as CPython's.
bool dict_merge_kwargs(ThreadState& ts, Dict* d, Value other, Value callable) {
    if (!is_dict(other)) {
        Value keys = getattr_opt(ts, other, names.keys);
        if (keys.is_null()) {
            if (!ts.has_exc())
                raisef(ts, &exc_TypeError, "{} argument after ** must be a mapping, not {}",
                       function_str(ts, callable), type_name(other));
            return false;
        }
        Dict* tmp = new_dict(ts);
        if (!tmp) return false;
        Rooted kt(ts, Value::from_ptr(tmp));
        if (!dict_update(ts, tmp, other)) return false;
        other = Value::from_ptr(tmp);
        return dict_merge_kwargs(ts, d, other, callable);
    }
    Dict* o = other.as<Dict>();
    int64_t pos = 0;
    Value k, v;
    while (dict_next(o, &pos, &k, &v)) {
        Value had = is_str(k) ? dict_get_str(d, k.as<Str>()) : dict_get(ts, d, k);
        if (had.is_null() && ts.has_exc()) return false;
        if (!had.is_null()) {
            Value ks = str(ts, k);
            if (ks.is_null()) return false;
            raisef(ts, &exc_TypeError, "{} got multiple values for keyword argument '{}'",
                   function_str(ts, callable), str_view(ks));
            return false;
        }
        if (!(is_str(k) ? dict_set_str(ts, d, k.as<Str>(), v) : dict_set(ts, d, k, v)))
            return false;
    }
    return true;
}

bool unpack_iterable(ThreadState& ts, Value seq, int before, int after, Value* dst) {
    RootedVector items(ts);
    Type* t = type_of(seq);
    if (!t->iter && !t->getitem) {
        raisef(ts, &exc_TypeError, "cannot unpack non-iterable {} object", type_name(seq));
        return false;
    }
    if (after < 0) {
        // Exactly `before` items: stop early on too many (CPython reads one past).
        Rooted it(ts, get_iter(ts, seq));
        if (it.get().is_null()) return false;
        for (int i = 0; i <= before; ++i) {
            Value v = iter_next(ts, it);
            if (v.is_null()) {
                if (ts.has_exc()) return false;
                if (i < before) {
                    raisef(ts, &exc_ValueError, "not enough values to unpack (expected {}, got {})",
                           before, i);
                    return false;
                }
                break;
            }
            if (i == before) {
                // CPython 3.11's text (3.12 adds ", got N" for sized iterables).
                raisef(ts, &exc_ValueError, "too many values to unpack (expected {})", before);
                return false;
            }
            items.v.push_back(v);
        }
        for (int i = 0; i < before; ++i) dst[before - 1 - i] = items.v[size_t(i)];
        return true;
    }
    if (!iterate_into(ts, seq, items.v)) return false;
    int64_t n = int64_t(items.v.size());
    if (n < before + after) {
        raisef(ts, &exc_ValueError, "not enough values to unpack (expected at least {}, got {})",
               before + after, n);
        return false;
    }
    List* rest = new_list_from(ts, items.v.data() + before, n - before - after);
    if (!rest) return false;
    // Stack order: last item lowest. Total pushed: before + 1 + after.
    int total = before + 1 + after;
    Value* out = dst;
    int k = 0;
    for (int i = after - 1; i >= 0; --i) out[k++] = items.v[size_t(n - after + i)];
    out[k++] = Value::from_ptr(rest);
    for (int i = before - 1; i >= 0; --i) out[k++] = items.v[size_t(i)];
    (void)total;
    return true;
}

Value make_function(ThreadState& ts, Frame* frame, Value* sp, unsigned flags) {
    const Code* code = sp[-1].as<Code>();
    int i = 2;
    Value closure = (flags & kMfClosure) ? sp[-i++] : Value::null();
    Value annotations = (flags & kMfAnnotations) ? sp[-i++] : Value::null();
    Value kwdefaults = (flags & kMfKwDefaults) ? sp[-i++] : Value::null();
    Value defaults = (flags & kMfDefaults) ? sp[-i++] : Value::null();
    Function* f = ts.heap.make<Function>(&function_type, sizeof(Function));
    if (!f) return raise_memory_error(ts);
    f->code = const_cast<Code*>(code);
    f->globals = frame->globals;
    f->builtins = frame->builtins;
    f->name = code->name;
    f->qualname = code->qualname;
    f->defaults = defaults.is_null() ? nullptr : defaults.as<Tuple>();
    f->kwdefaults = kwdefaults.is_null() ? nullptr : kwdefaults.as<Dict>();
    f->closure = closure.is_null() ? nullptr : closure.as<Tuple>();
    f->annotations = annotations;
    f->doc = (!code->consts.empty() && is_str(code->consts[0]) && (code->flags & kCoOptimized))
                 ? code->consts[0]
                 : Value::none();
    Value mod = dict_get_str(frame->globals, names.__name__);
    f->module = mod.is_null() ? Value::none() : mod;
    return Value::from_ptr(f);
}

Value format_value(ThreadState& ts, Value v, int conversion, Value spec) {
    Rooted keep(ts, v);
    Value conv = v;
    switch (conversion) {
        case 1:
            conv = str(ts, v);
            break;
        case 2:
            conv = repr(ts, v);
            break;
        case 3:
            conv = ascii_repr(ts, v);
            break;
        default:
            break;
    }
    if (conv.is_null()) return conv;
    if (spec.is_null() && is_exact_str(conv)) return conv;
    Rooted kc(ts, conv);
    return format(ts, conv, spec.is_null() ? Value::null() : spec);
}

bool before_with(ThreadState& ts, Value mgr, Value* exit_fn, Value* result, bool is_async) {
    Str* enter_name = is_async ? names.__aenter__ : names.__enter__;
    Str* exit_name = is_async ? names.__aexit__ : names.__exit__;
    Type* t = type_of(mgr);
    Value enter = type_lookup(t, enter_name);
    if (enter.is_null()) {
        if (is_async)
            raisef(ts, &exc_TypeError,
                   "'{}' object does not support the asynchronous context manager protocol",
                   type_name(mgr));
        else
            raisef(ts, &exc_TypeError, "'{}' object does not support the context manager protocol",
                   type_name(mgr));
        return false;
    }
    Value exit = type_lookup(t, exit_name);
    if (exit.is_null()) {
        if (is_async)
            raisef(ts, &exc_TypeError,
                   "'{}' object does not support the asynchronous context manager protocol "
                   "(missed __aexit__ method)",
                   type_name(mgr));
        else
            raisef(ts, &exc_TypeError,
                   "'{}' object does not support the context manager protocol (missed __exit__ "
                   "method)",
                   type_name(mgr));
        return false;
    }
    // Bind __exit__ now (as CPython): the stack keeps the bound method.
    DescrGetFn g = type_of(exit)->descr_get;
    Value bound = g ? g(ts, exit, mgr, Value::from_ptr(t)) : exit;
    if (bound.is_null()) return false;
    Rooted kb(ts, bound);
    DescrGetFn ge = type_of(enter)->descr_get;
    Value benter = ge ? ge(ts, enter, mgr, Value::from_ptr(t)) : enter;
    if (benter.is_null()) return false;
    Value r = call0(ts, benter);
    if (r.is_null()) return false;
    *exit_fn = bound;
    *result = r;
    return true;
}

bool setup_annotations(ThreadState& ts, Frame* frame) {
    if (!is_dict(frame->locals)) return true;
    Dict* l = frame->locals.as<Dict>();
    if (!dict_get_str(l, names.__annotations__).is_null()) return true;
    Dict* d = new_dict(ts);
    if (!d) return false;
    return dict_set_str(ts, l, names.__annotations__, Value::from_ptr(d));
}

Value call_intrinsic(ThreadState& ts, int which, Value v) {
    switch (which) {
        case kIntrinsicUnaryPositive:
            return unary_pos(ts, v);
        case kIntrinsicListToTuple: {
            List* l = v.as<List>();
            Tuple* t = new_tuple_from(ts, l->items, l->size);
            return t ? Value::from_ptr(t) : Value::null();
        }
        default:
            return raise(ts, &exc_SystemError, "unknown intrinsic");
    }
}

}  // namespace interleave::python
