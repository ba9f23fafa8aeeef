// Generator and coroutine objects: send/throw/close, iteration, await (PEP 342, 380, 492).
#include "python/vm/generator.hpp"

#include "python/vm/call.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/eval_helpers.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

uint64_t object_id(Value v);

bool Generator::is_coroutine() const {
    return type == &coroutine_type;
}

void trace_frame(Frame* f, GcVisitor& v) {
    v.visit(f->func);
    v.visit(f->globals);
    v.visit(f->builtins);
    v.visit(f->locals);
    v.visit(f->gen);
    if (f->sp) v.visit_range(f->localsplus, f->sp);
}

Generator* new_generator(ThreadState& ts, Function* f, size_t frame_bytes) {
    const Code* code = f->code;
    Type* type = (code->flags & kCoCoroutine)        ? &coroutine_type
                 : (code->flags & kCoAsyncGenerator) ? &async_generator_type
                                                     : &generator_type;
    size_t size = offsetof(Generator, frame) + frame_bytes;
    Generator* g = ts.heap.make<Generator>(type, size);
    if (!g) {
        raise_memory_error(ts);
        return nullptr;
    }
    init_frame(&g->frame, f, code);
    g->frame.gen = g;
    g->name = f->name;
    g->qualname = f->qualname;
    if (type == &coroutine_type && ts.frame && ts.frame->ip) {
        const Frame* caller = ts.frame;
        const uint16_t* start = caller->code->code.data();
        g->origin = caller->code;
        g->origin_line = caller->code->position(int(caller->ip - start) - 1).line;
    }
    return g;
}

bool enter_generator(ThreadState& ts, Generator* g, Frame* caller, Value value) {
    if (ts.py_depth >= ts.interp.recursion_limit) {
        raise(ts, &exc_RecursionError, "maximum recursion depth exceeded");
        return false;
    }
    Frame* f = &g->frame;
    if (g->state == GenState::suspended) *f->sp++ = value;  // YIELD_VALUE's result
    g->state = GenState::running;
    f->back = caller;
    f->flags |= kFrameGenResume;
    g->prev_exc_info = ts.exc_info;
    if (!g->exc_state.is_null()) ts.exc_info = g->exc_state;
    ++ts.py_depth;
    return true;
}

void leave_generator(ThreadState& ts, Generator* g) {
    // Keep what the generator was handling (it resumes inside its except block), give the
    // resumer back its own.
    g->exc_state = (ts.exc_info != g->prev_exc_info) ? ts.exc_info : Value::null();
    if (g->state == GenState::finished) g->exc_state = Value::null();
    ts.exc_info = g->prev_exc_info;
    g->prev_exc_info = Value::null();
}

void generator_exception_exit(ThreadState& ts, Generator* g) {
    Type* from = g->type == &async_generator_type ? &exc_StopAsyncIteration : &exc_StopIteration;
    if (!exc_matches(ts, &exc_StopIteration) &&
        !(g->type == &async_generator_type && exc_matches(ts, &exc_StopAsyncIteration)))
        return;
    (void)from;
    Value orig = fetch_exc(ts);
    Rooted keep(ts, orig);
    const char* what = g->type == &coroutine_type         ? "coroutine"
                       : g->type == &async_generator_type ? "async generator"
                                                          : "generator";
    const char* which = exc_matches(ts, &exc_StopIteration) ? "StopIteration" : "StopIteration";
    if (is_subtype(type_of(orig), &exc_StopAsyncIteration)) which = "StopAsyncIteration";
    Value e = new_exception(ts, &exc_RuntimeError, fmt::format("{} raised {}", what, which));
    if (e.is_null()) return;
    e.as<BaseException>()->cause = orig;
    e.as<BaseException>()->context = orig;
    e.as<BaseException>()->suppress_context = true;
    ts.curexc = e;
}

Value gen_send(ThreadState& ts, Generator* g, Value value, bool* returned) {
    *returned = false;
    if (g->state == GenState::running)
        return raisef(ts, &exc_ValueError, "{} already executing",
                      g->is_coroutine() ? "coroutine" : "generator");
    if (g->state == GenState::finished) {
        if (g->is_coroutine())
            return raise(ts, &exc_RuntimeError, "cannot reuse already awaited coroutine");
        *returned = true;
        return Value::none();
    }
    if (g->state == GenState::created && !value.is_none() && !value.is_null())
        return raisef(ts, &exc_TypeError, "can't send non-None value to a just-started {}",
                      g->is_coroutine() ? "coroutine" : "generator");
    if (ts.native_depth >= kMaxNativeDepth)
        return raise(ts, &exc_RecursionError, "maximum recursion depth exceeded");
    Rooted keep(ts, Value::from_ptr(g));
    if (!enter_generator(ts, g, ts.frame, value.is_null() ? Value::none() : value))
        return Value::null();
    g->frame.flags = uint8_t((g->frame.flags & ~kFrameGenResume) | kFrameEntry);
    ++ts.native_depth;
    Value r = run_frame(ts, &g->frame);
    --ts.native_depth;
    if (!r.is_null()) *returned = ts.gen_returned;
    return r;
}

namespace {

// The argument of the instruction at `at`, with its EXTENDED_ARG prefixes (scanning back).
unsigned arg_at(const uint16_t* start, const uint16_t* at) {
    unsigned arg = at[0] >> 8;
    int shift = 8;
    for (const uint16_t* p = at - 1; p >= start && (*p & 0xFF) == EXTENDED_ARG; --p, shift += 8)
        arg |= unsigned(*p >> 8) << shift;
    return arg;
}

// Resumes `g` with `value` pushed (null: nothing) or with `exc` raised at its instruction.
Value gen_resume(ThreadState& ts, Generator* g, Value value, Value exc) {
    if (ts.native_depth >= kMaxNativeDepth)
        return raise(ts, &exc_RecursionError, "maximum recursion depth exceeded");
    Rooted keep(ts, Value::from_ptr(g));
    Frame* f = &g->frame;
    bool suspended = g->state == GenState::suspended;
    if (!enter_generator(ts, g, ts.frame, Value::none())) return Value::null();
    if (suspended) --f->sp;  // enter_generator pushed None: replace or drop it
    if (!exc.is_null()) {
        ts.pending_throw = exc;
    } else if (!value.is_null()) {
        *f->sp++ = value;
    }
    f->flags = uint8_t((f->flags & ~kFrameGenResume) | kFrameEntry);
    ++ts.native_depth;
    Value r = run_frame(ts, f);
    --ts.native_depth;
    return r;
}

}  // namespace

Value gen_throw(ThreadState& ts, Generator* g, Value exc) {
    if (g->state == GenState::running)
        return raisef(ts, &exc_ValueError, "{} already executing",
                      g->is_coroutine() ? "coroutine" : "generator");
    if (g->state != GenState::suspended) {
        g->state = GenState::finished;
        raise_instance(ts, exc);
        return Value::null();
    }
    Rooted keep(ts, Value::from_ptr(g));
    Rooted ke(ts, exc);
    Frame* f = &g->frame;
    const uint16_t* start = f->code->code.data();
    const uint16_t* ip = f->ip;
    // Suspended inside a SEND loop (yield from / await): throw into the sub-iterator first
    // (CPython 3.11's _gen_throw).
    const uint16_t* jb = ip + 1;
    while ((*jb & 0xFF) == EXTENDED_ARG) ++jb;
    if ((ip[0] & 0xFF) == RESUME && (*jb & 0xFF) == JUMP_BACKWARD_NO_INTERRUPT &&
        f->sp > f->stack_base()) {
        Value sub = f->sp[-1];
        Value y = Value::null();
        bool returned = false;
        bool delegated = false;
        if (is_type(sub, &generator_type) || is_type(sub, &coroutine_type)) {
            delegated = true;
            y = gen_throw(ts, sub.as<Generator>(), exc);
            returned = !y.is_null() && ts.gen_returned;
        } else {
            Value thrower = getattr_opt(ts, sub, names.throw_);
            if (ts.has_exc()) return Value::null();
            if (!thrower.is_null()) {
                delegated = true;
                y = call1(ts, thrower, exc);
            }
        }
        if (delegated) {
            if (!y.is_null() && !returned) {
                ts.gen_returned = false;
                return y;  // the sub-iterator yielded: so does this generator
            }
            // The loop jumps back to SEND's first EXTENDED_ARG when its target needs one
            // (a long function): read SEND's argument past its prefixes.
            const uint16_t* send = start + arg_at(start, jb);
            while ((*send & 0xFF) == EXTENDED_ARG) ++send;
            unsigned target = arg_at(start, send);
            --f->sp;  // the sub-iterator is done
            f->ip = start + target;
            if (returned) return gen_resume(ts, g, y, Value::null());
            if (exc_matches(ts, &exc_StopIteration)) {
                Value si = fetch_exc(ts);
                Tuple* a = si.as<BaseException>()->args;
                Value v = (a && a->size) ? a->items[0] : Value::none();
                return gen_resume(ts, g, v, Value::null());
            }
            Value e = fetch_exc(ts);
            if (e.is_null()) return Value::null();
            return gen_resume(ts, g, Value::null(), e);
        }
    }
    return gen_resume(ts, g, Value::null(), exc);
}

bool gen_close(ThreadState& ts, Generator* g) {
    if (g->state == GenState::created) {
        g->state = GenState::finished;
        return true;
    }
    if (g->state != GenState::suspended) return true;
    Value e = new_exception(ts, &exc_GeneratorExit, "");
    if (e.is_null()) return false;
    e.as<BaseException>()->args = empty_tuple();
    Value r = gen_throw(ts, g, e);
    if (!r.is_null()) {
        if (!ts.gen_returned) {
            raisef(ts, &exc_RuntimeError, "{} ignored GeneratorExit",
                   g->is_coroutine() ? "coroutine" : "generator");
            return false;
        }
        return true;
    }
    if (exc_matches(ts, &exc_GeneratorExit) || exc_matches(ts, &exc_StopIteration)) {
        clear_exc(ts);
        return true;
    }
    return false;
}

Value send_to(ThreadState& ts, Value receiver, Value v, bool* returned) {
    *returned = false;
    if (is_type(receiver, &generator_type) || is_type(receiver, &coroutine_type))
        return gen_send(ts, receiver.as<Generator>(), v, returned);
    Value r;
    if (v.is_none()) {
        Type* t = type_of(receiver);
        if (!t->next)
            return raisef(ts, &exc_TypeError, "'{}' object is not an iterator",
                          type_name(receiver));
        r = t->next(ts, receiver);
    } else {
        r = call_method(ts, receiver, names.send, &v, 1);
    }
    if (r.is_null()) {
        if (!ts.has_exc()) {
            *returned = true;
            return Value::none();
        }
        if (exc_matches(ts, &exc_StopIteration)) {
            Value si = fetch_exc(ts);
            Rooted k(ts, si);
            *returned = true;
            Tuple* a = si.as<BaseException>()->args;
            return (a && a->size) ? a->items[0] : Value::none();
        }
    }
    return r;
}

}  // namespace interleave::python
