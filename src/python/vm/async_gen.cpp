// Async generators (PEP 525), as CPython 3.11's Objects/genobject.c: the frame is an ordinary
// generator frame; `yield v` in it yields a wrapped value (ASYNC_GEN_WRAP) so the awaitables
// below can tell a value for the consumer from an `await`'s yield that must travel up to the
// event loop.
//   ✓ __aiter__, __anext__, asend(v), athrow(typ[, val[, tb]]), aclose()
//   ✓ the asend/athrow awaitables: send/throw/close/__next__/__await__, one use each
//     ("cannot reuse already awaited __anext__()/asend()")
//   ✓ aclose(): GeneratorExit thrown in; "async generator ignored GeneratorExit"
//   ✓ aiter(x), anext(x[, default]) (the default: StopAsyncIteration becomes its value)
//   ✓ the first asend/athrow of a generator calls the running loop's firstiter hook, so
//     asyncio.run's shutdown_asyncgens acloses the generators left unfinished
//   ✗ sys.set_asyncgen_hooks; a finalizer hook when an unfinished generator is freed
#include "python/builtins/builtins.hpp"
#include "python/objects/type_setup.hpp"
#include "python/vm/call.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/eval_helpers.hpp"
#include "python/vm/generator.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Type async_gen_wrapped_type, async_gen_asend_type, async_gen_athrow_type, anext_awaitable_type;

namespace {

struct Wrapped : Object {
    Value value;
};

enum class AwState : uint8_t { init, iter, closed };

struct AgAwaitable : Object {
    Generator* gen = nullptr;
    Value arg;  // asend: the value to send first; athrow: the exception (null: aclose)
    AwState state = AwState::init;
};

void wrapped_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<Wrapped*>(o)->value);
}

void aw_trace(Object* o, GcVisitor& v) {
    auto* a = static_cast<AgAwaitable*>(o);
    v.visit(a->gen);
    v.visit(a->arg);
}

AgAwaitable* self_of(Value v) {
    return v.as<AgAwaitable>();
}

Value stop_with(ThreadState& ts, Value r) {
    Tuple* args = r.is_none() ? empty_tuple() : new_tuple_from(ts, &r, 1);
    if (!args) return Value::null();
    Value e = new_exception_args(ts, &exc_StopIteration, args);
    if (e.is_null()) return e;
    return raise_instance(ts, e);
}

// What the generator produced, as the awaitable hands it on (CPython's async_gen_unwrap).
Value unwrap(ThreadState& ts, AgAwaitable* a, Value r, bool returned) {
    if (r.is_null()) {
        if (exc_matches(ts, &exc_StopAsyncIteration) || exc_matches(ts, &exc_GeneratorExit))
            a->state = AwState::closed;
        return r;
    }
    if (returned) {
        a->state = AwState::closed;
        return raise(ts, &exc_StopAsyncIteration, "");
    }
    if (is_type(r, &async_gen_wrapped_type)) {
        a->state = AwState::closed;
        return stop_with(ts, r.as<Wrapped>()->value);
    }
    return r;  // an await inside the generator yielded: up to the event loop
}

// aclose()/athrow() after the generator answered: CPython's async_gen_athrow_send tail.
Value athrow_result(ThreadState& ts, AgAwaitable* a, Value r, bool returned) {
    const bool aclose = a->arg.is_null();
    if (r.is_null()) {
        if (aclose &&
            (exc_matches(ts, &exc_StopAsyncIteration) || exc_matches(ts, &exc_GeneratorExit))) {
            clear_exc(ts);
            a->state = AwState::closed;
            return stop_with(ts, Value::none());
        }
        a->state = AwState::closed;
        return r;
    }
    if (aclose && !returned && is_type(r, &async_gen_wrapped_type)) {
        a->state = AwState::closed;
        return raise(ts, &exc_RuntimeError, "async generator ignored GeneratorExit");
    }
    if (aclose && returned) {
        a->state = AwState::closed;
        return stop_with(ts, Value::none());
    }
    return unwrap(ts, a, r, returned);
}

bool is_athrow(const AgAwaitable* a) {
    return a->type == &async_gen_athrow_type;
}

// The firstiter hook (sys.set_asyncgen_hooks' role): the running asyncio loop keeps every
// async generator it started, to aclose() the unfinished ones at asyncio.run's end
// (loop.shutdown_asyncgens). The hook is _asyncio._firstiter when a loop runs. Once per
// generator, at its first asend/athrow.
bool first_iteration(ThreadState& ts, Generator* g) {
    if (g->hooks_done) return true;
    g->hooks_done = true;
    Value mod = dict_lookup_view(ts.interp.modules, "_asyncio");
    if (!is_type(mod, &module_type)) return true;
    Value hook = dict_lookup_view(mod.as<Module>()->dict, "_firstiter");
    if (hook.is_null() || hook.is_none()) return true;
    return !call1(ts, hook, Value::from_ptr(g)).is_null();
}

Value aw_send_impl(ThreadState& ts, Value self, Value v) {
    AgAwaitable* a = self_of(self);
    Rooted keep(ts, self);
    if (a->state == AwState::init && !first_iteration(ts, a->gen)) return Value::null();
    if (a->state == AwState::closed)
        return raise(ts, &exc_RuntimeError,
                     is_athrow(a) ? "cannot reuse already awaited aclose()/athrow()"
                                  : "cannot reuse already awaited __anext__()/asend()");
    if (!is_athrow(a)) {
        if (a->state == AwState::init) {
            if (v.is_none()) v = a->arg.is_null() ? Value::none() : a->arg;
            a->state = AwState::iter;
        }
        bool returned = false;
        Value r = gen_send(ts, a->gen, v, &returned);
        return unwrap(ts, a, r, returned);
    }
    if (a->state == AwState::init) {
        a->state = AwState::iter;
        if (a->gen->state == GenState::finished) {
            a->state = AwState::closed;
            if (a->arg.is_null()) return stop_with(ts, Value::none());
            return raise(ts, &exc_StopAsyncIteration, "");
        }
        Value exc = a->arg;
        if (exc.is_null()) {
            exc = new_exception(ts, &exc_GeneratorExit, "");
            if (exc.is_null()) return exc;
            exc.as<BaseException>()->args = empty_tuple();
        }
        Rooted ke(ts, exc);
        Value r = gen_throw(ts, a->gen, exc);
        const bool returned = !r.is_null() && ts.gen_returned;
        return athrow_result(ts, a, r, returned);
    }
    bool returned = false;
    Value r = gen_send(ts, a->gen, v, &returned);
    return athrow_result(ts, a, r, returned);
}

Value aw_send(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "send() takes exactly one argument");
    return aw_send_impl(ts, a[0], a[1]);
}

Value aw_next(ThreadState& ts, Value self) {
    return aw_send_impl(ts, self, Value::none());
}

Value aw_throw(ThreadState& ts, const Value* args, size_t n, Tuple*) {
    if (n < 2 || n > 4) return raise(ts, &exc_TypeError, "throw expected at least 1 argument");
    AgAwaitable* a = self_of(args[0]);
    Rooted keep(ts, args[0]);
    if (a->state == AwState::closed)
        return raise(ts, &exc_RuntimeError,
                     is_athrow(a) ? "cannot reuse already awaited aclose()/athrow()"
                                  : "cannot reuse already awaited __anext__()/asend()");
    Value e = args[1];
    if (is_exception_type(e)) {
        e = (n > 2 && !args[2].is_none()) ? call1(ts, e, args[2]) : call0(ts, e);
        if (e.is_null()) return e;
    } else if (!is_exception_instance(e)) {
        return raise(ts, &exc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, not " +
                         std::string(type_name(e)));
    }
    Rooted ke(ts, e);
    if (a->state == AwState::init && !first_iteration(ts, a->gen)) return Value::null();
    Value r = gen_throw(ts, a->gen, e);
    const bool returned = !r.is_null() && ts.gen_returned;
    return is_athrow(a) ? athrow_result(ts, a, r, returned) : unwrap(ts, a, r, returned);
}

Value aw_close(ThreadState&, const Value* a, size_t, Tuple*) {
    self_of(a[0])->state = AwState::closed;
    return Value::none();
}

Value aw_await(ThreadState&, const Value* a, size_t, Tuple*) {
    return a[0];
}

Value aw_iter(ThreadState&, Value self) {
    return self;
}

Value new_awaitable(ThreadState& ts, Type* type, Value gen, Value arg) {
    auto* a = ts.heap.make<AgAwaitable>(type, sizeof(AgAwaitable));
    if (!a) {
        raise_memory_error(ts);
        return Value::null();
    }
    a->gen = gen.as<Generator>();
    a->arg = arg;
    return Value::from_ptr(a);
}

Value ag_aiter(ThreadState&, const Value* a, size_t, Tuple*) {
    return a[0];
}

Value ag_anext(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return new_awaitable(ts, &async_gen_asend_type, a[0], Value::null());
}

Value ag_asend(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "asend() takes exactly one argument");
    return new_awaitable(ts, &async_gen_asend_type, a[0], a[1]);
}

Value ag_athrow(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 2 || n > 4) return raise(ts, &exc_TypeError, "athrow expected at least 1 argument");
    Value e = a[1];
    if (is_exception_type(e)) {
        e = (n > 2 && !a[2].is_none()) ? call1(ts, e, a[2]) : call0(ts, e);
        if (e.is_null()) return e;
    } else if (!is_exception_instance(e)) {
        return raise(ts, &exc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, not " +
                         std::string(type_name(e)));
    }
    Rooted ke(ts, e);
    return new_awaitable(ts, &async_gen_athrow_type, a[0], e);
}

Value ag_aclose(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return new_awaitable(ts, &async_gen_athrow_type, a[0], Value::null());
}

// anext(it, default)'s awaitable: the __anext__ awaitable's iterator, default on exhaustion.
struct AnextAw : Object {
    Value it;
    Value dflt;
};

void anext_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<AnextAw*>(o)->it);
    v.visit(static_cast<AnextAw*>(o)->dflt);
}

Value anext_result(ThreadState& ts, AnextAw* a, Value r, bool returned) {
    if (r.is_null()) {
        if (!exc_matches(ts, &exc_StopAsyncIteration)) return r;
        clear_exc(ts);
        return stop_with(ts, a->dflt);
    }
    if (returned) return stop_with(ts, r);
    return r;
}

Value anext_send_impl(ThreadState& ts, Value self, Value v) {
    Rooted keep(ts, self);
    auto* a = self.as<AnextAw>();
    bool returned = false;
    Value r = send_to(ts, a->it, v, &returned);
    return anext_result(ts, a, r, returned);
}

Value anext_next(ThreadState& ts, Value self) {
    return anext_send_impl(ts, self, Value::none());
}

Value anext_send(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "send() takes exactly one argument");
    return anext_send_impl(ts, a[0], a[1]);
}

Value anext_throw(ThreadState& ts, const Value* args, size_t n, Tuple*) {
    Rooted keep(ts, args[0]);
    auto* a = args[0].as<AnextAw>();
    Value r = call_method(ts, a->it, names.throw_, args + 1, n - 1);
    if (r.is_null() && exc_matches(ts, &exc_StopIteration)) {
        Value si = fetch_exc(ts);
        Tuple* t = si.as<BaseException>()->args;
        return stop_with(ts, (t && t->size) ? t->items[0] : Value::none());
    }
    return anext_result(ts, a, r, false);
}

Value anext_close(ThreadState& ts, const Value* args, size_t, Tuple*) {
    Value it = args[0].as<AnextAw>()->it;
    Value f = getattr_opt(ts, it, names.close);
    if (f.is_null()) return ts.has_exc() ? Value::null() : Value::none();
    return call0(ts, f);
}

const MethodDef kAnextMethods[] = {
    {"send", anext_send},
    {"throw", anext_throw},
    {"close", anext_close},
    {"__await__", aw_await},
};

const MethodDef kAgenMethods[] = {
    {"__aiter__", ag_aiter}, {"__anext__", ag_anext}, {"asend", ag_asend},
    {"athrow", ag_athrow},   {"aclose", ag_aclose},
};

const MethodDef kAwMethods[] = {
    {"send", aw_send},
    {"throw", aw_throw},
    {"close", aw_close},
    {"__await__", aw_await},
};

}  // namespace

Value async_gen_wrap_value(ThreadState& ts, Value v) {
    auto* w = ts.heap.make<Wrapped>(&async_gen_wrapped_type, sizeof(Wrapped));
    if (!w) {
        raise_memory_error(ts);
        return Value::null();
    }
    w->value = v;
    return Value::from_ptr(w);
}

Value builtin_aiter(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    if (n != 1 || (kw && kw->size))
        return raisef(ts, &exc_TypeError, "aiter() takes exactly one argument ({} given)", n);
    Value f = type_lookup(type_of(a[0]), names.__aiter__);
    if (f.is_null())
        return raisef(ts, &exc_TypeError, "'{}' object is not an async iterable", type_name(a[0]));
    return call1(ts, f, a[0]);
}

Value builtin_anext(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    if (n < 1 || n > 2 || (kw && kw->size))
        return raisef(ts, &exc_TypeError, "anext expected at least 1 argument, got {}", n);
    Value f = type_lookup(type_of(a[0]), names.__anext__);
    if (f.is_null())
        return raisef(ts, &exc_TypeError, "'{}' object is not an async iterator", type_name(a[0]));
    Value aw = call1(ts, f, a[0]);
    if (aw.is_null() || n == 1) return aw;
    Rooted ka(ts, aw);
    Value it = get_awaitable(ts, aw, 0);
    if (it.is_null()) return it;
    Rooted ki(ts, it);
    auto* w = ts.heap.make<AnextAw>(&anext_awaitable_type, sizeof(AnextAw));
    if (!w) {
        raise_memory_error(ts);
        return Value::null();
    }
    w->it = it;
    w->dflt = a[1];
    return Value::from_ptr(w);
}

void setup_async_gen_types(TypeBuilder& b) {
    b.init(anext_awaitable_type, "anext_awaitable", nullptr, sizeof(AnextAw), 0);
    anext_awaitable_type.trace = anext_trace;
    anext_awaitable_type.iter = aw_iter;
    anext_awaitable_type.next = anext_next;
    b.methods(anext_awaitable_type, kAnextMethods);
    b.methods(async_generator_type, kAgenMethods);
    b.init(async_gen_wrapped_type, "async_generator_wrapped_value", nullptr, sizeof(Wrapped), 0);
    async_gen_wrapped_type.trace = wrapped_trace;
    for (Type* t : {&async_gen_asend_type, &async_gen_athrow_type}) {
        b.init(*t, t == &async_gen_asend_type ? "async_generator_asend" : "async_generator_athrow",
               nullptr, sizeof(AgAwaitable), 0);
        t->trace = aw_trace;
        t->iter = aw_iter;
        t->next = aw_next;
        b.methods(*t, kAwMethods);
    }
}

}  // namespace interleave::python
