// The generator, coroutine and async generator types' methods, and await support.
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/eval_helpers.hpp"
#include "python/vm/generator.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

uint64_t object_id(Value v);

namespace {

Generator* gen(Value v) {
    return v.as<Generator>();
}

// A coroutine freed before it ever ran: noted for CPython's "never awaited" RuntimeWarning.
// Reads only immortal data (code objects and their names), never other objects of the sweep.
void coro_finalize(Object* o, Heap& heap) {
    auto* g = static_cast<Generator*>(o);
    if (g->state != GenState::created || !g->frame.code) return;
    const Code* c = g->frame.code;
    heap.never_awaited.push_back(
        {std::string(c->qualname ? c->qualname->view() : c->name->view()), g->origin,
         g->origin_line});
}

void gen_trace(Object* o, GcVisitor& v) {
    auto* g = static_cast<Generator*>(o);
    v.visit(g->name);
    v.visit(g->qualname);
    v.visit(g->exc_state);
    v.visit(g->prev_exc_info);
    v.visit(g->awaiting);
    if (g->state != GenState::finished) trace_frame(&g->frame, v);
    else {
        v.visit(g->frame.func);
    }
}

Value gen_iternext(ThreadState& ts, Value self) {
    bool returned;
    Value r = gen_send(ts, gen(self), Value::none(), &returned);
    if (r.is_null()) return r;
    if (returned) {
        if (r.is_none()) return Value::null();  // exhausted: no exception needed
        Value e = new_exception_args(ts, &exc_StopIteration, new_tuple_from(ts, &r, 1));
        return raise_instance(ts, e);
    }
    return r;
}

Value stop_iteration_with(ThreadState& ts, Value r) {
    Tuple* args = r.is_none() ? empty_tuple() : new_tuple_from(ts, &r, 1);
    Value e = new_exception_args(ts, &exc_StopIteration, args);
    return raise_instance(ts, e);
}

Value m_send(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "send() takes exactly one argument");
    bool returned;
    Value r = gen_send(ts, gen(a[0]), a[1], &returned);
    if (r.is_null()) return r;
    if (returned) return stop_iteration_with(ts, r);
    return r;
}

Value m_throw(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 2 || n > 4) return raise(ts, &exc_TypeError, "throw expected at least 1 argument");
    Value typ = a[1];
    Value e;
    if (is_exception_type(typ)) {
        Value arg = n > 2 ? a[2] : Value::null();
        if (!arg.is_null() && is_exception_instance(arg)) e = arg;
        else e = arg.is_null() || arg.is_none() ? call0(ts, typ) : call1(ts, typ, arg);
        if (e.is_null()) return e;
    } else if (is_exception_instance(typ)) {
        e = typ;
    } else {
        return raise(ts, &exc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, not " +
                         std::string(type_name(typ)));
    }
    Value r = gen_throw(ts, gen(a[0]), e);
    if (r.is_null()) return r;
    if (ts.gen_returned) return stop_iteration_with(ts, r);
    return r;
}

Value m_close(ThreadState& ts, const Value* a, size_t, Tuple*) {
    if (!gen_close(ts, gen(a[0]))) return Value::null();
    return Value::none();
}

Value m_next(ThreadState& ts, const Value* a, size_t, Tuple*) {
    Value r = gen_iternext(ts, a[0]);
    if (r.is_null() && !ts.has_exc()) return stop_iteration_with(ts, Value::none());
    return r;
}

Value gen_iter(ThreadState&, Value self) {
    return self;
}

Value gen_repr(ThreadState& ts, Value self) {
    const char* kind = self.as_ptr()->type == &coroutine_type       ? "coroutine"
                       : self.as_ptr()->type == &async_generator_type ? "async_generator"
                                                                     : "generator";
    return str_value(ts, fmt::format("<{} object {} at {:#x}>", kind, gen(self)->qualname->view(),
                                     object_id(self)));
}

Value g_name(ThreadState&, Value s) { return Value::from_ptr(gen(s)->name); }
Value g_qualname(ThreadState&, Value s) { return Value::from_ptr(gen(s)->qualname); }
Value g_running(ThreadState&, Value s) { return Value::boolean(gen(s)->state == GenState::running); }
Value g_suspended(ThreadState&, Value s) { return Value::boolean(gen(s)->state == GenState::suspended); }
Value g_code(ThreadState&, Value s) { return Value::from_ptr(const_cast<Code*>(gen(s)->frame.code)); }
Value g_frame(ThreadState&, Value) { return Value::none(); }

const GetSetDef kGenGetSets[] = {
    {"__name__", g_name}, {"__qualname__", g_qualname}, {"gi_running", g_running},
    {"gi_suspended", g_suspended}, {"gi_code", g_code}, {"gi_frame", g_frame},
};
const GetSetDef kCoroGetSets[] = {
    {"__name__", g_name}, {"__qualname__", g_qualname}, {"cr_running", g_running},
    {"cr_suspended", g_suspended}, {"cr_code", g_code}, {"cr_frame", g_frame},
};
const MethodDef kGenMethods[] = {
    {"send", m_send}, {"throw", m_throw}, {"close", m_close},
};

// coroutine.__await__() returns an iterator over the coroutine (CPython's coroutine_wrapper).
Value coro_await(ThreadState& ts, const Value* a, size_t, Tuple*) {
    Object* w = ts.heap.make<BoundMethod>(&coro_wrapper_type, sizeof(BoundMethod));
    if (!w) return raise_memory_error(ts);
    static_cast<BoundMethod*>(w)->self = a[0];
    return Value::from_ptr(w);
}
const MethodDef kCoroMethods[] = {
    {"send", m_send}, {"throw", m_throw}, {"close", m_close}, {"__await__", coro_await},
};

Value cw_next(ThreadState& ts, Value self) {
    return gen_iternext(ts, static_cast<BoundMethod*>(self.as_ptr())->self);
}
Value cw_send(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    Value args[2] = {static_cast<BoundMethod*>(a[0].as_ptr())->self, n > 1 ? a[1] : Value::none()};
    return m_send(ts, args, 2, kw);
}
Value cw_throw(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    std::vector<Value> args(a, a + n);
    args[0] = static_cast<BoundMethod*>(a[0].as_ptr())->self;
    return m_throw(ts, args.data(), n, kw);
}
Value cw_close(ThreadState& ts, const Value* a, size_t, Tuple* kw) {
    Value s = static_cast<BoundMethod*>(a[0].as_ptr())->self;
    return m_close(ts, &s, 1, kw);
}
const MethodDef kCwMethods[] = {{"send", cw_send}, {"throw", cw_throw}, {"close", cw_close}};
void cw_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<BoundMethod*>(o)->self);
}

}  // namespace

Value get_awaitable(ThreadState& ts, Value v, int where) {
    if (is_type(v, &coroutine_type)) return v;
    if (is_type(v, &generator_type) && (gen(v)->frame.code->flags & kCoIterableCoroutine)) return v;
    Value f = type_lookup(type_of(v), names.__await__);
    if (f.is_null()) {
        if (where == 1)
            return raisef(ts, &exc_TypeError,
                          "'async with' received an object from __aenter__ that does not implement __await__: {}",
                          type_name(v));
        if (where == 2)
            return raisef(ts, &exc_TypeError,
                          "'async with' received an object from __aexit__ that does not implement __await__: {}",
                          type_name(v));
        return raisef(ts, &exc_TypeError, "object {} can't be used in 'await' expression",
                      type_name(v));
    }
    Value it = call1(ts, f, v);
    if (it.is_null()) return it;
    if (is_type(it, &coroutine_type))
        return raise(ts, &exc_TypeError, "__await__() returned a coroutine");
    if (!type_of(it)->next)
        return raisef(ts, &exc_TypeError, "__await__() returned non-iterator of type '{}'",
                      type_name(it));
    return it;
}

Value get_aiter(ThreadState& ts, Value v) {
    Value f = type_lookup(type_of(v), names.__aiter__);
    if (f.is_null())
        return raisef(ts, &exc_TypeError,
                      "'async for' requires an object with __aiter__ method, got {}", type_name(v));
    return call1(ts, f, v);
}

Value get_anext(ThreadState& ts, Value v) {
    Value f = type_lookup(type_of(v), names.__anext__);
    if (f.is_null())
        return raisef(ts, &exc_TypeError,
                      "'async for' requires an iterator with __anext__ method, got {}",
                      type_name(v));
    Value aw = call1(ts, f, v);
    if (aw.is_null()) return aw;
    Rooted k(ts, aw);
    return get_awaitable(ts, aw, 0);
}

Value async_gen_wrap_value(ThreadState& ts, Value v);  // async_gen.cpp
void setup_async_gen_types(TypeBuilder& b);

Value async_gen_wrap(ThreadState& ts, Value v) {
    return async_gen_wrap_value(ts, v);
}

void setup_generator_types(TypeBuilder& b) {
    size_t gsize = offsetof(Generator, frame) + sizeof(Frame);
    b.init(generator_type, "generator", nullptr, uint32_t(gsize), 0);
    generator_type.iter = gen_iter;
    generator_type.next = gen_iternext;
    generator_type.repr = gen_repr;
    generator_type.trace = gen_trace;
    b.methods(generator_type, kGenMethods);
    b.getsets(generator_type, kGenGetSets);

    b.init(coroutine_type, "coroutine", nullptr, uint32_t(gsize), 0);
    coroutine_type.repr = gen_repr;
    coroutine_type.finalize = coro_finalize;
    coroutine_type.trace = gen_trace;
    b.methods(coroutine_type, kCoroMethods);
    b.getsets(coroutine_type, kCoroGetSets);

    b.init(async_generator_type, "async_generator", nullptr, uint32_t(gsize), 0);
    async_generator_type.repr = gen_repr;
    async_generator_type.trace = gen_trace;
    b.getsets(async_generator_type, kGenGetSets);
    setup_async_gen_types(b);

    b.init(coro_wrapper_type, "coroutine_wrapper", nullptr, sizeof(BoundMethod), 0);
    coro_wrapper_type.iter = gen_iter;
    coro_wrapper_type.next = cw_next;
    coro_wrapper_type.trace = cw_trace;
    b.methods(coro_wrapper_type, kCwMethods);
    (void)m_next;
}

}  // namespace interleave::python
