// The eval loop (CPython 3.11's _PyEval_EvalFrameDefault shape): frames on the thread's frame
// arena, Python→Python calls and generator resumptions without C++ recursion, exceptions as
// statuses unwound through the zero-cost exception table, the eval breaker polled at RESUME,
// backward jumps and after calls of builtins (PYTHON.md §6).
//
// GC discipline: collection happens only in the breaker (a safepoint). Before any call out of
// the loop that may reach one, the frame's ip and stack pointer are saved (SAVE) with every
// operand still on the stack, so the collector sees exactly the live values.
#include <cmath>
#include <cstring>

#include "engine/runtime.hpp"
#include "python/compiler/opcodes.hpp"
#include "python/objects/int.hpp"
#include "python/objects/memoryview.hpp"
#include "python/objects/obj_lock.hpp"
#include "python/vm/call.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/eval_helpers.hpp"
#include "python/vm/generator.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

inline bool small_binary(int op, int64_t x, int64_t y, Value* out) {
    int64_t r;
    switch (op) {
        case int(BinaryOp::add):
        case int(BinaryOp::add) + kInplace:
            r = x + y;
            break;
        case int(BinaryOp::sub):
        case int(BinaryOp::sub) + kInplace:
            r = x - y;
            break;
        case int(BinaryOp::mul):
        case int(BinaryOp::mul) + kInplace:
            if (__builtin_mul_overflow(x, y, &r)) return false;
            break;
        case int(BinaryOp::mod):
        case int(BinaryOp::mod) + kInplace:
            if (y == 0) return false;
            r = x % y;
            if (r != 0 && ((r < 0) != (y < 0))) r += y;
            break;
        case int(BinaryOp::floordiv):
        case int(BinaryOp::floordiv) + kInplace:
            if (y == 0) return false;
            r = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0))) --r;
            break;
        case int(BinaryOp::and_):
        case int(BinaryOp::and_) + kInplace:
            r = x & y;
            break;
        case int(BinaryOp::or_):
        case int(BinaryOp::or_) + kInplace:
            r = x | y;
            break;
        case int(BinaryOp::xor_):
        case int(BinaryOp::xor_) + kInplace:
            r = x ^ y;
            break;
        default:
            return false;
    }
    if (!Value::fits_small(r)) return false;
    *out = Value::from_small(r);
    return true;
}

inline bool float_binary(int op, double x, double y, Value* out) {
    switch (op) {
        case int(BinaryOp::add):
        case int(BinaryOp::add) + kInplace:
            *out = Value::from_double(x + y);
            return true;
        case int(BinaryOp::sub):
        case int(BinaryOp::sub) + kInplace:
            *out = Value::from_double(x - y);
            return true;
        case int(BinaryOp::mul):
        case int(BinaryOp::mul) + kInplace:
            *out = Value::from_double(x * y);
            return true;
        case int(BinaryOp::truediv):
        case int(BinaryOp::truediv) + kInplace:
            if (y == 0.0) return false;
            *out = Value::from_double(x / y);
            return true;
        default:
            return false;
    }
}

inline int compare_doubles(int op, double x, double y) {
    switch (CompareOp(op)) {
        case CompareOp::lt:
            return x < y;
        case CompareOp::le:
            return x <= y;
        case CompareOp::eq:
            return x == y;
        case CompareOp::ne:
            return x != y;
        case CompareOp::gt:
            return x > y;
        default:
            return x >= y;
    }
}

inline bool as_double_fast(Value v, double* d) {
    if (v.is_double()) {
        *d = v.as_double();
        return true;
    }
    if (v.is_small() && std::llabs(v.as_small()) < (int64_t(1) << 53)) {
        *d = double(v.as_small());
        return true;
    }
    return false;
}

// The list fast paths under the list's lock (free-threaded runs: another thread may grow it;
// obj_lock.hpp). Out of line of the loop's scopes: no object with a destructor may live where
// the loop's computed gotos jump (clang rejects it).
inline Value list_item_locked(List* l, int64_t i) {
    ObjectLock g(l);
    if (i < 0) i += l->size;
    return uint64_t(i) < uint64_t(l->size) ? l->items[i] : Value::null();
}

inline bool list_store_locked(List* l, int64_t i, Value v) {
    ObjectLock g(l);
    if (i < 0) i += l->size;
    if (uint64_t(i) >= uint64_t(l->size)) return false;
    l->items[i] = v;
    return true;
}

// UNPACK_SEQUENCE of a list of exactly n items: writes them to dst[0..n) last item first (the
// stack order), over the list itself at dst[0].
inline bool list_unpack_locked(List* l, unsigned n, Value* dst) {
    ObjectLock g(l);
    if (l->size != int64_t(n)) return false;
    for (unsigned i = 0; i < n; ++i) dst[i] = l->items[n - 1 - i];
    return true;
}

inline Value list_next_locked(List* l, int64_t* index) {
    ObjectLock g(l);
    return *index < l->size ? l->items[(*index)++] : Value::null();
}

}  // namespace

// The loop. `entry` is run until it returns (or yields, for a generator frame) to C++.
Value run_frame(ThreadState& ts, Frame* entry) {
    static void* const kTargets[kOpcodeCount] = {
#define PY_OP_LABEL(n) &&op_##n,
        PY_OPCODES(PY_OP_LABEL)
#undef PY_OP_LABEL
    };
    Frame* frame = entry;
    const Code* code;
    const uint16_t* code_start;
    const uint16_t* ip;
    Value* sp;
    Value* locals;
    const Value* consts;
    Tuple* kwnames = nullptr;
    unsigned oparg = 0;
    unsigned opcode = 0;
    Value retval;
    // The eval breaker (PYTHON.md §6): the process's word, one relaxed load per poll. The
    // instruction count goes to the slow path in batches: the simulated machine's clock and
    // the collection check (every kInstructionsPerGcCheck on the real machine). Engine bits
    // are served at once either way.
    engine::WorkerContext* const ctx = ts.ctx;
    const uint64_t instr_limit = !(ctx && ctx->simulated()) ? kInstructionsPerGcCheck
                                 : ctx->gil()               ? kInstructionsPerCharge
                                                            : kInstructionsPerChargeFree;
    uint64_t instr = 0;
    // On the simulated machine with the GIL, instructions are also charged before each call of
    // a builtin (a blocking one — time.sleep, Lock.acquire, Queue.get — starts its wait at the
    // worker's virtual time, so Python run just before it takes its time and a short stretch
    // between two sleeps is not a 0-length GIL hold); `charged` of `instr` are paid already.
    // Not free-threaded: threads running side by side take turns each time one passes
    // another's time, so every charge there can be a baton hand-off (4 threads x 100 ms: 369k
    // hand-offs, a minute of real time, instead of ~3k at the 4096-instruction batches).
    const bool charge_calls = ctx && ctx->simulated() && ctx->gil();
    uint64_t charged = 0;

#define SAVE()          \
    do {                \
        frame->ip = ip; \
        frame->sp = sp; \
    } while (0)
#define LOAD_FRAME()                    \
    do {                                \
        code = frame->code;             \
        code_start = code->code.data(); \
        ip = frame->ip;                 \
        sp = frame->sp;                 \
        locals = frame->localsplus;     \
        consts = code->consts.data();   \
        ts.frame = frame;               \
    } while (0)
#define DISPATCH()              \
    do {                        \
        uint16_t w_ = *ip++;    \
        ++instr;                \
        opcode = w_ & 0xFF;     \
        oparg = w_ >> 8;        \
        goto* kTargets[opcode]; \
    } while (0)
#define TARGET(n) op_##n:
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-static_cast<ptrdiff_t>(n)])
#define JUMP_TO(t) (ip = code_start + (t))
#define CHECK_BREAKER()                                                                      \
    do {                                                                                     \
        if (__builtin_expect((ctx ? ctx->breaker() : 0u) != 0 || instr >= instr_limit, 0)) { \
            SAVE();                                                                          \
            instr -= charged;                                                                \
            charged = 0;                                                                     \
            if (!eval_breaker(ts, instr)) goto error;                                        \
        }                                                                                    \
    } while (0)
#define CHARGE_BEFORE_BUILTIN()                        \
    do {                                               \
        if (charge_calls) {                            \
            ctx->charge_instructions(instr - charged); \
            charged = instr;                           \
        }                                              \
    } while (0)
#define ERROR_IF(cond)        \
    do {                      \
        if (cond) goto error; \
    } while (0)

    LOAD_FRAME();
    if (__builtin_expect(!ts.pending_throw.is_null(), 0)) {
        ts.curexc = ts.pending_throw;
        ts.pending_throw = Value::null();
        goto exception_unwind_with_tb;
    }
    DISPATCH();

#include "python/vm/eval_ops_calls.inc"
#include "python/vm/eval_ops_exc.inc"
#include "python/vm/eval_ops_names.inc"
#include "python/vm/eval_ops_values.inc"

do_return : {
    if (frame->flags & kFrameInit) {
        if (!retval.is_none()) {
            SAVE();
            raisef(ts, &exc_TypeError, "__init__() should return None, not '{}'",
                   type_name(retval));
            goto error;
        }
        retval = locals[0];
    }
    Frame* back = frame->back;
    bool was_entry = frame->flags & kFrameEntry;
    Generator* g = frame->gen;
    --ts.py_depth;
    if (g) {
        g->state = GenState::finished;
        leave_generator(ts, g);
        bool resumed_inline = frame->flags & kFrameGenResume;
        frame->back = nullptr;
        frame->flags &= uint8_t(~(kFrameEntry | kFrameGenResume));
        frame->sp = frame->stack_base();
        if (was_entry) {
            ts.frame = back;
            ts.gen_returned = true;
            return retval;
        }
        (void)resumed_inline;
        frame = back;
        LOAD_FRAME();
        // The resumer is at its FOR_ITER (drop the iterator, leave the loop) or SEND
        // (replace the receiver with the return value, jump).
        uint16_t w = ip[-1];
        unsigned arg = w >> 8;
        for (const uint16_t* p = ip - 2; p >= code_start && (*p & 0xFF) == EXTENDED_ARG; --p)
            arg |= unsigned(*p >> 8) << (8 * unsigned(ip - 1 - p));
        if ((w & 0xFF) == FOR_ITER) {
            --sp;
        } else {
            TOP() = retval;
        }
        JUMP_TO(arg);
        DISPATCH();
    }
    if (frame->flags & kFrameOnArena) ts.arena.pop(frame);
    if (was_entry) {
        ts.frame = back;
        return retval;
    }
    frame = back;
    LOAD_FRAME();
    PUSH(retval);
    DISPATCH();
}

error:
    // A new exception in this frame: record where (traceback), then find a handler.
    if (ts.stopped) goto unwind_all;
exception_unwind_with_tb:
    add_traceback(ts, frame, int(ip - 1 - code_start));
exception_unwind : {
    if (ts.stopped) goto unwind_all;
    int offset = int(ip - 1 - code_start);
    const ExceptionEntry* h = find_handler(code, offset);
    if (h) {
        sp = frame->stack_base() + h->depth;
        if (h->lasti) PUSH(Value::from_small(offset));
        PUSH(fetch_exc(ts));
        JUMP_TO(h->target);
        DISPATCH();
    }
    // No handler here: the frame ends with the exception.
    Frame* back = frame->back;
    bool was_entry = frame->flags & kFrameEntry;
    Generator* g = frame->gen;
    --ts.py_depth;
    if (g) {
        g->state = GenState::finished;
        leave_generator(ts, g);
        generator_exception_exit(ts, g);
        frame->back = nullptr;
        frame->flags &= uint8_t(~(kFrameEntry | kFrameGenResume));
        frame->sp = frame->stack_base();
    } else if (frame->flags & kFrameOnArena) {
        ts.arena.pop(frame);
    }
    if (was_entry) {
        ts.frame = back;
        return Value::null();
    }
    frame = back;
    LOAD_FRAME();
    goto exception_unwind_with_tb;
}

unwind_all : {
    // The run is stopping: end every frame up to the entry without running handlers.
    for (;;) {
        Frame* back = frame->back;
        bool was_entry = frame->flags & kFrameEntry;
        --ts.py_depth;
        if (Generator* g = frame->gen) {
            g->state = GenState::finished;
            leave_generator(ts, g);
            frame->back = nullptr;
            frame->flags &= uint8_t(~(kFrameEntry | kFrameGenResume));
            frame->sp = frame->stack_base();
        } else if (frame->flags & kFrameOnArena) {
            ts.arena.pop(frame);
        }
        if (was_entry) {
            ts.frame = back;
            return Value::null();
        }
        frame = back;
    }
}
}

}  // namespace interleave::python
