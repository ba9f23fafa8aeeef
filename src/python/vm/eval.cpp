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
        case int(BinaryOp::add) + kInplace: r = x + y; break;
        case int(BinaryOp::sub):
        case int(BinaryOp::sub) + kInplace: r = x - y; break;
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
        case int(BinaryOp::and_) + kInplace: r = x & y; break;
        case int(BinaryOp::or_):
        case int(BinaryOp::or_) + kInplace: r = x | y; break;
        case int(BinaryOp::xor_):
        case int(BinaryOp::xor_) + kInplace: r = x ^ y; break;
        default: return false;
    }
    if (!Value::fits_small(r)) return false;
    *out = Value::from_small(r);
    return true;
}

inline bool float_binary(int op, double x, double y, Value* out) {
    switch (op) {
        case int(BinaryOp::add):
        case int(BinaryOp::add) + kInplace: *out = Value::from_double(x + y); return true;
        case int(BinaryOp::sub):
        case int(BinaryOp::sub) + kInplace: *out = Value::from_double(x - y); return true;
        case int(BinaryOp::mul):
        case int(BinaryOp::mul) + kInplace: *out = Value::from_double(x * y); return true;
        case int(BinaryOp::truediv):
        case int(BinaryOp::truediv) + kInplace:
            if (y == 0.0) return false;
            *out = Value::from_double(x / y);
            return true;
        default: return false;
    }
}

inline int compare_doubles(int op, double x, double y) {
    switch (CompareOp(op)) {
        case CompareOp::lt: return x < y;
        case CompareOp::le: return x <= y;
        case CompareOp::eq: return x == y;
        case CompareOp::ne: return x != y;
        case CompareOp::gt: return x > y;
        default: return x >= y;
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
    // The eval breaker (PYTHON.md §6): the process's word, one relaxed load per poll; the
    // instruction count feeds the simulated machine's clock (every poll there) and the
    // collection check (every kInstructionsPerGcCheck instructions here).
    engine::WorkerContext* const ctx = ts.ctx;
    const uint64_t instr_limit = (ctx && ctx->simulated()) ? 0 : kInstructionsPerGcCheck;
    uint64_t instr = 0;

#define SAVE()           \
    do {                 \
        frame->ip = ip;  \
        frame->sp = sp;  \
    } while (0)
#define LOAD_FRAME()                          \
    do {                                      \
        code = frame->code;                   \
        code_start = code->code.data();       \
        ip = frame->ip;                       \
        sp = frame->sp;                       \
        locals = frame->localsplus;           \
        consts = code->consts.data();         \
        ts.frame = frame;                     \
    } while (0)
#define DISPATCH()                    \
    do {                              \
        uint16_t w_ = *ip++;          \
        ++instr;                      \
        opcode = w_ & 0xFF;           \
        oparg = w_ >> 8;              \
        goto* kTargets[opcode];       \
    } while (0)
#define TARGET(n) op_##n:
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-static_cast<ptrdiff_t>(n)])
#define JUMP_TO(t) (ip = code_start + (t))
#define CHECK_BREAKER()                                                                 \
    do {                                                                                \
        if (__builtin_expect((ctx ? ctx->breaker() : 0u) != 0 || instr >= instr_limit, 0)) { \
            SAVE();                                                                     \
            if (!eval_breaker(ts, instr)) goto error;                                   \
        }                                                                               \
    } while (0)
#define ERROR_IF(cond) \
    do {               \
        if (cond) goto error; \
    } while (0)

    LOAD_FRAME();
    if (__builtin_expect(!ts.pending_throw.is_null(), 0)) {
        ts.curexc = ts.pending_throw;
        ts.pending_throw = Value::null();
        goto exception_unwind_with_tb;
    }
    DISPATCH();

    TARGET(NOP) { DISPATCH(); }
    TARGET(EXTENDED_ARG) {
        uint16_t w = *ip++;
        opcode = w & 0xFF;
        oparg = (oparg << 8) | (w >> 8);
        goto* kTargets[opcode];
    }
    TARGET(RESUME) {
        CHECK_BREAKER();
        DISPATCH();
    }
    TARGET(POP_TOP) {
        --sp;
        DISPATCH();
    }
    TARGET(PUSH_NULL) {
        PUSH(Value::null());
        DISPATCH();
    }
    TARGET(COPY) {
        Value v = PEEK(oparg);
        PUSH(v);
        DISPATCH();
    }
    TARGET(SWAP) {
        Value t = TOP();
        TOP() = PEEK(oparg);
        PEEK(oparg) = t;
        DISPATCH();
    }
    TARGET(LOAD_CONST) {
        PUSH(consts[oparg]);
        DISPATCH();
    }
    TARGET(LOAD_FAST) {
        Value v = locals[oparg];
        if (__builtin_expect(v.is_null(), 0)) {
            SAVE();
            raise_unbound_local(ts, code, oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        locals[oparg] = POP();
        DISPATCH();
    }
    TARGET(DELETE_FAST) {
        if (locals[oparg].is_null()) {
            SAVE();
            raise_unbound_local(ts, code, oparg);
            goto error;
        }
        locals[oparg] = Value::null();
        DISPATCH();
    }
    TARGET(MAKE_CELL) {
        SAVE();
        Cell* c = new_cell(ts, locals[oparg]);
        ERROR_IF(!c);
        locals[oparg] = Value::from_ptr(c);
        DISPATCH();
    }
    TARGET(COPY_FREE_VARS) {
        Tuple* closure = frame->func->closure;
        int off = code->nlocalsplus - int(oparg);
        for (unsigned i = 0; i < oparg; ++i) locals[off + int(i)] = closure->items[i];
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
        PUSH(locals[oparg]);
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        Value v = locals[oparg].as<Cell>()->ref;
        if (v.is_null()) {
            SAVE();
            raise_unbound_deref(ts, code, oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF) {
        SAVE();
        Str* name = code->localsplusnames[oparg];
        Value v = Value::null();
        if (is_dict(frame->locals)) v = dict_get_str(frame->locals.as<Dict>(), name);
        if (v.is_null()) {
            v = locals[oparg].as<Cell>()->ref;
            if (v.is_null()) {
                raise_unbound_deref(ts, code, oparg);
                goto error;
            }
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        locals[oparg].as<Cell>()->ref = POP();
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        Cell* c = locals[oparg].as<Cell>();
        if (c->ref.is_null()) {
            SAVE();
            raise_unbound_deref(ts, code, oparg);
            goto error;
        }
        c->ref = Value::null();
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        Str* name = code->names[oparg >> 1];
        Value v = dict_get_str(frame->globals, name);
        if (v.is_null()) {
            v = dict_get_str(frame->builtins, name);
            if (v.is_null()) {
                SAVE();
                raise_name_error(ts, name);
                goto error;
            }
        }
        PUSH(v);
        if (oparg & 1) PUSH(Value::null());
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        SAVE();
        ERROR_IF(!dict_set_str(ts, frame->globals, code->names[oparg], TOP()));
        --sp;
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        SAVE();
        int r = dict_del(ts, frame->globals, Value::from_ptr(code->names[oparg]));
        ERROR_IF(r < 0);
        if (r == 0) {
            raise_name_error(ts, code->names[oparg]);
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        SAVE();
        Str* name = code->names[oparg];
        Value v = Value::null();
        if (is_dict(frame->locals)) {
            v = dict_get_str(frame->locals.as<Dict>(), name);
        } else if (!frame->locals.is_null()) {
            v = getitem(ts, frame->locals, Value::from_ptr(name));
            if (v.is_null()) {
                if (!clear_if(ts, &exc_KeyError)) goto error;
            }
        }
        if (v.is_null()) v = dict_get_str(frame->globals, name);
        if (v.is_null()) v = dict_get_str(frame->builtins, name);
        if (v.is_null()) {
            raise_name_error(ts, name);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        SAVE();
        Str* name = code->names[oparg];
        if (is_dict(frame->locals)) {
            ERROR_IF(!dict_set_str(ts, frame->locals.as<Dict>(), name, TOP()));
        } else {
            ERROR_IF(!setitem(ts, frame->locals, Value::from_ptr(name), TOP()));
        }
        --sp;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        SAVE();
        Str* name = code->names[oparg];
        int r = is_dict(frame->locals) ? dict_del(ts, frame->locals.as<Dict>(), Value::from_ptr(name))
                                       : (delitem(ts, frame->locals, Value::from_ptr(name)) ? 1 : -1);
        ERROR_IF(r < 0);
        if (r == 0) {
            raise_name_error(ts, name);
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        SAVE();
        Value owner = TOP();
        Str* name = code->names[oparg];
        Value v;
        Type* t = type_of(owner);
        if (t->getattr == generic_getattr) {
            v = generic_getattr(ts, owner, name);
        } else {
            v = getattr(ts, owner, name);
        }
        ERROR_IF(v.is_null());
        TOP() = v;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        SAVE();
        Value owner = TOP();
        Value m, self;
        ERROR_IF(!get_method(ts, owner, code->names[oparg], &m, &self));
        TOP() = m;
        PUSH(self);
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        SAVE();
        Value owner = TOP();
        Value v = SECOND();
        ERROR_IF(!setattr(ts, owner, code->names[oparg], v));
        sp -= 2;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        SAVE();
        ERROR_IF(!delattr(ts, TOP(), code->names[oparg]));
        --sp;
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        Value v = dict_get_str(frame->builtins, names.__build_class__);
        if (v.is_null()) {
            SAVE();
            raise(ts, &exc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(Value::from_ptr(&exc_AssertionError));
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        Value r = SECOND();
        Value l;
        Value b = TOP();
        Value a = r;
        if (a.is_small() && b.is_small()) {
            if (small_binary(int(oparg), a.as_small(), b.as_small(), &l)) {
                --sp;
                TOP() = l;
                DISPATCH();
            }
        } else {
            double x, y;
            if ((a.is_double() || b.is_double()) && as_double_fast(a, &x) && as_double_fast(b, &y) &&
                float_binary(int(oparg), x, y, &l)) {
                --sp;
                TOP() = l;
                DISPATCH();
            }
        }
        SAVE();
        l = binary_op(ts, a, b, int(oparg));
        ERROR_IF(l.is_null());
        --sp;
        TOP() = l;
        DISPATCH();
    }
    TARGET(UNARY_NEGATIVE) {
        SAVE();
        Value v = unary_neg(ts, TOP());
        ERROR_IF(v.is_null());
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNARY_POSITIVE) {
        SAVE();
        Value v = unary_pos(ts, TOP());
        ERROR_IF(v.is_null());
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNARY_INVERT) {
        SAVE();
        Value v = unary_invert(ts, TOP());
        ERROR_IF(v.is_null());
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNARY_NOT) {
        Value v = TOP();
        int t;
        if (v.is_bool()) {
            t = v.is_true();
        } else {
            SAVE();
            t = truthy(ts, v);
            ERROR_IF(t < 0);
        }
        TOP() = Value::boolean(!t);
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        Value a = SECOND();
        Value b = TOP();
        if (a.is_small() && b.is_small()) {
            int64_t x = a.as_small(), y = b.as_small();
            int r;
            switch (CompareOp(oparg)) {
                case CompareOp::lt: r = x < y; break;
                case CompareOp::le: r = x <= y; break;
                case CompareOp::eq: r = x == y; break;
                case CompareOp::ne: r = x != y; break;
                case CompareOp::gt: r = x > y; break;
                default: r = x >= y; break;
            }
            --sp;
            TOP() = Value::boolean(r);
            DISPATCH();
        }
        double x, y;
        if ((a.is_double() || b.is_double()) && as_double_fast(a, &x) && as_double_fast(b, &y)) {
            --sp;
            TOP() = Value::boolean(compare_doubles(int(oparg), x, y));
            DISPATCH();
        }
        SAVE();
        Value r = richcompare(ts, a, b, CompareOp(oparg));
        ERROR_IF(r.is_null());
        --sp;
        TOP() = r;
        DISPATCH();
    }
    TARGET(IS_OP) {
        bool r = (SECOND() == TOP()) != bool(oparg);
        --sp;
        TOP() = Value::boolean(r);
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        SAVE();
        int r = contains(ts, TOP(), SECOND());
        ERROR_IF(r < 0);
        --sp;
        TOP() = Value::boolean(bool(r) != bool(oparg));
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        Value container = SECOND();
        Value key = TOP();
        Value v;
        if (container.is_ptr() && key.is_small()) {
            Type* t = container.as_ptr()->type;
            int64_t i = key.as_small();
            if (t == &list_type) {
                List* l = container.as<List>();
                if (i < 0) i += l->size;
                if (uint64_t(i) < uint64_t(l->size)) {
                    --sp;
                    TOP() = l->items[i];
                    DISPATCH();
                }
            } else if (t == &tuple_type) {
                Tuple* tu = container.as<Tuple>();
                if (i < 0) i += tu->size;
                if (uint64_t(i) < uint64_t(tu->size)) {
                    --sp;
                    TOP() = tu->items[i];
                    DISPATCH();
                }
            }
        }
        SAVE();
        v = getitem(ts, container, key);
        ERROR_IF(v.is_null());
        --sp;
        TOP() = v;
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        // stack: value, container, key
        Value key = TOP();
        Value container = SECOND();
        Value v = PEEK(3);
        if (key.is_small() && is_type(container, &list_type)) {
            List* l = container.as<List>();
            int64_t i = key.as_small();
            if (i < 0) i += l->size;
            if (uint64_t(i) < uint64_t(l->size)) {
                l->items[i] = v;
                sp -= 3;
                DISPATCH();
            }
        }
        SAVE();
        ERROR_IF(!setitem(ts, container, key, v));
        sp -= 3;
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        SAVE();
        ERROR_IF(!delitem(ts, SECOND(), TOP()));
        sp -= 2;
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        SAVE();
        Value step = oparg == 3 ? POP() : Value::none();
        Value stop = POP();
        Value start = TOP();
        Value s = new_slice(ts, start, stop, step);
        ERROR_IF(s.is_null());
        TOP() = s;
        DISPATCH();
    }
    TARGET(BUILD_TUPLE) {
        SAVE();
        Tuple* t = new_tuple(ts, oparg);
        ERROR_IF(!t);
        sp -= oparg;
        for (unsigned i = 0; i < oparg; ++i) t->items[i] = sp[i];
        PUSH(Value::from_ptr(t));
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        SAVE();
        List* l = new_list(ts, oparg);
        ERROR_IF(!l);
        sp -= oparg;
        for (unsigned i = 0; i < oparg; ++i) l->items[i] = sp[i];
        PUSH(Value::from_ptr(l));
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        SAVE();
        Value s = build_set(ts, sp - oparg, oparg);
        ERROR_IF(s.is_null());
        sp -= oparg;
        PUSH(s);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        SAVE();
        Dict* d = new_dict(ts);
        ERROR_IF(!d);
        {  // clang (em++): no computed goto (DISPATCH) may leave a scope with a destructor
            Rooted keep(ts, Value::from_ptr(d));
            for (unsigned i = 0; i < oparg; ++i)
                ERROR_IF(!dict_set(ts, d, sp[-2 * int(oparg) + 2 * int(i)], sp[-2 * int(oparg) + 2 * int(i) + 1]));
        }
        sp -= 2 * oparg;
        PUSH(Value::from_ptr(d));
        DISPATCH();
    }
    TARGET(BUILD_CONST_KEY_MAP) {
        SAVE();
        Dict* d = new_dict(ts);
        ERROR_IF(!d);
        {  // (scoped for clang's computed goto, as BUILD_MAP)
            Rooted keep(ts, Value::from_ptr(d));
            Tuple* keys = TOP().as<Tuple>();
            for (unsigned i = 0; i < oparg; ++i)
                ERROR_IF(!dict_set(ts, d, keys->items[i], sp[-1 - int(oparg) + int(i)]));
        }
        sp -= oparg + 1;
        PUSH(Value::from_ptr(d));
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        SAVE();
        Value s = build_string(ts, sp - oparg, oparg);
        ERROR_IF(s.is_null());
        sp -= oparg;
        PUSH(s);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        SAVE();
        ERROR_IF(!list_append(ts, PEEK(oparg + 1).as<List>(), TOP()));
        --sp;
        DISPATCH();
    }
    TARGET(SET_ADD) {
        SAVE();
        ERROR_IF(!set_add_value(ts, PEEK(oparg + 1), TOP()));
        --sp;
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        SAVE();
        ERROR_IF(!dict_set(ts, PEEK(oparg + 2).as<Dict>(), SECOND(), TOP()));
        sp -= 2;
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        SAVE();
        if (!list_extend_with(ts, PEEK(oparg + 1).as<List>(), TOP())) {
            if (exc_matches(ts, &exc_TypeError) && !type_of(TOP())->iter && !type_of(TOP())->getitem) {
                clear_exc(ts);
                raisef(ts, &exc_TypeError, "Value after * must be an iterable, not {}",
                       type_name(TOP()));
            }
            goto error;
        }
        --sp;
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        SAVE();
        ERROR_IF(!set_update_value(ts, PEEK(oparg + 1), TOP()));
        --sp;
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        SAVE();
        if (!dict_update(ts, PEEK(oparg + 1).as<Dict>(), TOP())) {
            if (exc_matches(ts, &exc_AttributeError) || exc_matches(ts, &exc_TypeError)) {
                clear_exc(ts);
                raisef(ts, &exc_TypeError, "'{}' object is not a mapping", type_name(TOP()));
            }
            goto error;
        }
        --sp;
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        SAVE();
        ERROR_IF(!dict_merge_kwargs(ts, PEEK(oparg + 1).as<Dict>(), TOP(), PEEK(oparg + 4)));
        --sp;
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        SAVE();
        List* l = TOP().as<List>();
        Tuple* t = new_tuple_from(ts, l->items, l->size);
        ERROR_IF(!t);
        TOP() = Value::from_ptr(t);
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        Value seq = TOP();
        if (is_type(seq, &tuple_type) && seq.as<Tuple>()->size == int64_t(oparg)) {
            Tuple* t = seq.as<Tuple>();
            --sp;
            for (unsigned i = oparg; i-- > 0;) PUSH(t->items[i]);
            DISPATCH();
        }
        if (is_type(seq, &list_type) && seq.as<List>()->size == int64_t(oparg)) {
            List* l = seq.as<List>();
            --sp;
            for (unsigned i = oparg; i-- > 0;) PUSH(l->items[i]);
            DISPATCH();
        }
        SAVE();
        ERROR_IF(!unpack_iterable(ts, seq, int(oparg), -1, sp - 1));
        sp += oparg - 1;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        SAVE();
        int before = int(oparg & 0xFF), after = int(oparg >> 8);
        ERROR_IF(!unpack_iterable(ts, TOP(), before, after, sp - 1));
        sp += before + after;
        DISPATCH();
    }
    TARGET(GET_ITER) {
        Value v = TOP();
        if (is_type(v, &generator_type)) DISPATCH();
        SAVE();
        Value it = get_iter(ts, v);
        ERROR_IF(it.is_null());
        TOP() = it;
        DISPATCH();
    }
    TARGET(GET_YIELD_FROM_ITER) {
        Value v = TOP();
        if (is_type(v, &generator_type)) DISPATCH();
        if (is_type(v, &coroutine_type)) {
            if (!(code->flags & (kCoCoroutine | kCoIterableCoroutine))) {
                SAVE();
                raise(ts, &exc_TypeError,
                      "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
            DISPATCH();
        }
        SAVE();
        Value it = get_iter(ts, v);
        ERROR_IF(it.is_null());
        TOP() = it;
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        Value it = TOP();
        if (it.is_ptr()) {
            Type* t = it.as_ptr()->type;
            if (t == &range_iter_type) {
                SeqIter* ri = it.as<SeqIter>();
                if (ri->index < ri->end) {
                    int64_t v = ri->aux + ri->index * ri->seq.as_small();
                    ++ri->index;
                    PUSH(Value::from_small(v));
                    DISPATCH();
                }
                --sp;
                JUMP_TO(oparg);
                DISPATCH();
            }
            if (t == &list_iter_type) {
                SeqIter* li = it.as<SeqIter>();
                if (!li->seq.is_null()) {
                    List* l = li->seq.as<List>();
                    if (li->index < l->size) {
                        PUSH(l->items[li->index++]);
                        DISPATCH();
                    }
                    li->seq = Value::null();
                }
                --sp;
                JUMP_TO(oparg);
                DISPATCH();
            }
            if (t == &generator_type) {
                Generator* g = it.as<Generator>();
                if (g->state == GenState::created || g->state == GenState::suspended) {
                    SAVE();
                    if (!enter_generator(ts, g, frame, Value::none())) goto error;
                    frame = &g->frame;
                    LOAD_FRAME();
                    DISPATCH();
                }
            }
        }
        SAVE();
        Value v = type_of(it)->next ? type_of(it)->next(ts, it) : iter_next(ts, it);
        if (v.is_null()) {
            if (ts.has_exc()) {
                if (!clear_if(ts, &exc_StopIteration)) goto error;
            }
            --sp;
            JUMP_TO(oparg);
            DISPATCH();
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(SEND) {
        // stack: receiver, value -> receiver, yielded (fall through) | result (jump)
        Value v = TOP();
        Value recv = SECOND();
        if (is_type(recv, &generator_type) || is_type(recv, &coroutine_type)) {
            Generator* g = recv.as<Generator>();
            if (g->state == GenState::created || g->state == GenState::suspended) {
                if (g->state == GenState::created && !v.is_none()) {
                    SAVE();
                    raise(ts, &exc_TypeError,
                          "can't send non-None value to a just-started generator");
                    goto error;
                }
                --sp;
                SAVE();
                if (!enter_generator(ts, g, frame, v)) goto error;
                frame = &g->frame;
                LOAD_FRAME();
                DISPATCH();
            }
        }
        SAVE();
        bool returned = false;
        Value r = send_to(ts, recv, v, &returned);
        ERROR_IF(r.is_null());
        if (returned) {
            sp -= 2;
            PUSH(r);
            JUMP_TO(oparg);
        } else {
            TOP() = r;
        }
        DISPATCH();
    }
    TARGET(YIELD_VALUE) {
        retval = POP();
        SAVE();
        Generator* g = frame->gen;
        g->state = GenState::suspended;
        leave_generator(ts, g);
        Frame* back = frame->back;
        bool was_entry = frame->flags & kFrameEntry;
        frame->back = nullptr;
        frame->flags &= uint8_t(~(kFrameEntry | kFrameGenResume));
        --ts.py_depth;
        if (was_entry) {
            ts.frame = back;
            ts.gen_returned = false;
            return retval;
        }
        frame = back;
        LOAD_FRAME();
        PUSH(retval);
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        retval = POP();
        goto do_return;
    }
    TARGET(JUMP_FORWARD) {
        JUMP_TO(oparg);
        DISPATCH();
    }
    TARGET(JUMP_BACKWARD) {
        JUMP_TO(oparg);
        CHECK_BREAKER();
        DISPATCH();
    }
    TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
        JUMP_TO(oparg);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        Value v = POP();
        if (v.is_false()) {
            JUMP_TO(oparg);
        } else if (!v.is_true()) {
            SAVE();
            ++sp;
            int t = truthy(ts, v);
            --sp;
            ERROR_IF(t < 0);
            if (!t) JUMP_TO(oparg);
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        Value v = POP();
        if (v.is_true()) {
            JUMP_TO(oparg);
        } else if (!v.is_false()) {
            SAVE();
            ++sp;
            int t = truthy(ts, v);
            --sp;
            ERROR_IF(t < 0);
            if (t) JUMP_TO(oparg);
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_BACKWARD_IF_FALSE) {
        Value v = POP();
        int t;
        if (v.is_bool()) {
            t = v.is_true();
        } else {
            SAVE();
            ++sp;
            t = truthy(ts, v);
            --sp;
            ERROR_IF(t < 0);
        }
        if (!t) {
            JUMP_TO(oparg);
            CHECK_BREAKER();
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_BACKWARD_IF_TRUE) {
        Value v = POP();
        int t;
        if (v.is_bool()) {
            t = v.is_true();
        } else {
            SAVE();
            ++sp;
            t = truthy(ts, v);
            --sp;
            ERROR_IF(t < 0);
        }
        if (t) {
            JUMP_TO(oparg);
            CHECK_BREAKER();
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NONE) {
        if (POP().is_none()) JUMP_TO(oparg);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NOT_NONE) {
        if (!POP().is_none()) JUMP_TO(oparg);
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        Value v = TOP();
        int t;
        if (v.is_bool()) {
            t = v.is_true();
        } else {
            SAVE();
            t = truthy(ts, v);
            ERROR_IF(t < 0);
        }
        if (!t) JUMP_TO(oparg);
        else --sp;
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        Value v = TOP();
        int t;
        if (v.is_bool()) {
            t = v.is_true();
        } else {
            SAVE();
            t = truthy(ts, v);
            ERROR_IF(t < 0);
        }
        if (t) JUMP_TO(oparg);
        else --sp;
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION) {
        SAVE();
        Value f = make_function(ts, frame, sp, oparg);
        ERROR_IF(f.is_null());
        int pops = 1 + bool(oparg & kMfDefaults) + bool(oparg & kMfKwDefaults) +
                   bool(oparg & kMfAnnotations) + bool(oparg & kMfClosure);
        sp -= pops;
        PUSH(f);
        DISPATCH();
    }
    TARGET(KW_NAMES) {
        kwnames = consts[oparg].as<Tuple>();
        DISPATCH();
    }
    TARGET(CALL) {
        // stack: callable, self_or_null, args...
        int n = int(oparg);
        Value* args = sp - n;
        Value callable = PEEK(n + 2);
        Value self = PEEK(n + 1);
        if (!self.is_null()) {
            --args;
            ++n;
        } else if (is_type(callable, &bound_method_type)) {
            BoundMethod* bm = callable.as<BoundMethod>();
            PEEK(n + 1) = bm->self;
            PEEK(n + 2) = bm->func;
            callable = bm->func;
            --args;
            ++n;
        }
        Tuple* kw = kwnames;
        kwnames = nullptr;
        if (is_type(callable, &function_type)) {
            Function* f = callable.as<Function>();
            const Code* fc = f->code;
            if (!(fc->flags & (kCoGenerator | kCoCoroutine | kCoAsyncGenerator))) {
                SAVE();
                if (ts.py_depth >= ts.interp.recursion_limit) {
                    raise(ts, &exc_RecursionError, "maximum recursion depth exceeded");
                    goto error;
                }
                Frame* nf = ts.arena.push(fc->frame_bytes);
                if (!nf) {
                    raise_memory_error(ts);
                    goto error;
                }
                init_frame(nf, f, fc);
                nf->flags = kFrameOnArena;
                if (!bind_arguments(ts, f, nf, args, size_t(n), kw)) {
                    ts.arena.pop(nf);
                    goto error;
                }
                sp -= int(oparg) + 2;
                frame->sp = sp;
                nf->back = frame;
                ++ts.py_depth;
                frame = nf;
                LOAD_FRAME();
                DISPATCH();
            }
        }
        SAVE();
        Value r;
        if (callable.is_ptr() && callable.as_ptr()->type == &builtin_function_type) {
            BuiltinFunction* bf = callable.as<BuiltinFunction>();
            if (bf->self.is_null() || is_type(bf->self, &module_type))
                r = bf->def->fn(ts, args, size_t(n), kw);
            else
                r = call(ts, callable, args, size_t(n), kw);
        } else if (callable.is_ptr() && callable.as_ptr()->type == &method_descr_type) {
            r = call(ts, callable, args, size_t(n), kw);
        } else {
            r = call(ts, callable, args, size_t(n), kw);
        }
        ERROR_IF(r.is_null());
        sp -= int(oparg) + 2;
        PUSH(r);
        CHECK_BREAKER();
        DISPATCH();
    }
    TARGET(CALL_FUNCTION_EX) {
        SAVE();
        Value kwargs = (oparg & 1) ? TOP() : Value::null();
        Value args = (oparg & 1) ? SECOND() : TOP();
        Value callable = PEEK((oparg & 1) ? 4 : 3);
        Value r = call_ex(ts, callable, args, kwargs);
        ERROR_IF(r.is_null());
        sp -= (oparg & 1) ? 4 : 3;
        PUSH(r);
        CHECK_BREAKER();
        DISPATCH();
    }
    TARGET(RAISE_VARARGS) {
        SAVE();
        if (oparg == 0) {
            if (ts.exc_info.is_null() || ts.exc_info.is_none()) {
                raise(ts, &exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            ts.curexc = ts.exc_info;
            goto exception_unwind;
        }
        Value cause = oparg == 2 ? TOP() : Value::null();
        Value exc = oparg == 2 ? SECOND() : TOP();
        do_raise(ts, exc, cause, oparg == 2);
        goto error;
    }
    TARGET(RERAISE) {
        // The handler search starts at this instruction (as CPython's next_instr); the saved
        // lasti only names the original line, already in the traceback.
        Value exc = POP();
        ts.curexc = exc;
        SAVE();
        goto exception_unwind;
    }
    TARGET(PUSH_EXC_INFO) {
        Value exc = TOP();
        Value prev = ts.exc_info;
        TOP() = prev.is_null() ? Value::none() : prev;
        PUSH(exc);
        ts.exc_info = exc;
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        Value prev = POP();
        ts.exc_info = prev.is_none() ? Value::null() : prev;
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        SAVE();
        Value type = TOP();
        if (!check_except_type_valid(ts, type)) goto error;
        TOP() = Value::boolean(exception_matches(ts, SECOND(), type));
        DISPATCH();
    }
    TARGET(CHECK_EG_MATCH) {
        SAVE();
        Value match, rest;
        ERROR_IF(!exception_group_match(ts, SECOND(), TOP(), &match, &rest));
        SECOND() = rest;
        TOP() = match;
        DISPATCH();
    }
    TARGET(PREP_RERAISE_STAR) {
        SAVE();
        Value r = prep_reraise_star(ts, SECOND(), TOP());
        ERROR_IF(r.is_null());
        --sp;
        TOP() = r;
        DISPATCH();
    }
    TARGET(BEFORE_WITH) {
        SAVE();
        Value exit_fn, res;
        ERROR_IF(!before_with(ts, TOP(), &exit_fn, &res, false));
        TOP() = exit_fn;
        PUSH(res);
        DISPATCH();
    }
    TARGET(BEFORE_ASYNC_WITH) {
        SAVE();
        Value exit_fn, res;
        ERROR_IF(!before_with(ts, TOP(), &exit_fn, &res, true));
        TOP() = exit_fn;
        PUSH(res);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        // stack: exit_func, lasti, prev_exc, exc
        SAVE();
        Value exc = TOP();
        Value exit_fn = PEEK(4);
        Value args[3] = {Value::from_ptr(type_of(exc)), exc, exception_traceback(exc)};
        Value r = call(ts, exit_fn, args, 3);
        ERROR_IF(r.is_null());
        PUSH(r);
        DISPATCH();
    }
    TARGET(GET_AWAITABLE) {
        SAVE();
        Value aw = get_awaitable(ts, TOP(), int(oparg));
        ERROR_IF(aw.is_null());
        TOP() = aw;
        DISPATCH();
    }
    TARGET(GET_AITER) {
        SAVE();
        Value r = get_aiter(ts, TOP());
        ERROR_IF(r.is_null());
        TOP() = r;
        DISPATCH();
    }
    TARGET(GET_ANEXT) {
        SAVE();
        Value r = get_anext(ts, TOP());
        ERROR_IF(r.is_null());
        PUSH(r);
        DISPATCH();
    }
    TARGET(END_ASYNC_FOR) {
        Value exc = TOP();
        // stack: aiter, exc (the handler of the GET_ANEXT/SEND block; no PUSH_EXC_INFO)
        if (exception_matches(ts, exc, Value::from_ptr(&exc_StopAsyncIteration))) {
            sp -= 2;
            DISPATCH();
        }
        ts.curexc = exc;
        --sp;
        SAVE();
        goto exception_unwind;
    }
    TARGET(ASYNC_GEN_WRAP) {
        SAVE();
        Value w = async_gen_wrap(ts, TOP());
        ERROR_IF(w.is_null());
        TOP() = w;
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        SAVE();
        Value spec = (oparg & kFvHaveSpec) ? TOP() : Value::null();
        Value v = (oparg & kFvHaveSpec) ? SECOND() : TOP();
        Value r = format_value(ts, v, int(oparg & kFvConvMask), spec);
        ERROR_IF(r.is_null());
        if (oparg & kFvHaveSpec) --sp;
        TOP() = r;
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        SAVE();
        Value r = import_name(ts, frame, code->names[oparg], SECOND(), TOP());
        ERROR_IF(r.is_null());
        --sp;
        TOP() = r;
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        SAVE();
        Value r = import_from(ts, TOP(), code->names[oparg]);
        ERROR_IF(r.is_null());
        PUSH(r);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        SAVE();
        ERROR_IF(!import_star(ts, frame, TOP()));
        --sp;
        DISPATCH();
    }
    TARGET(SETUP_ANNOTATIONS) {
        SAVE();
        ERROR_IF(!setup_annotations(ts, frame));
        DISPATCH();
    }
    TARGET(GET_LEN) {
        SAVE();
        int64_t n = length(ts, TOP());
        ERROR_IF(n < 0);
        PUSH(Value::from_small(n));
        DISPATCH();
    }
    TARGET(MATCH_MAPPING) {
        Value m = Value::boolean(is_dict(TOP()));
        PUSH(m);
        DISPATCH();
    }
    TARGET(MATCH_SEQUENCE) {
        Value v = TOP();
        PUSH(Value::boolean(is_list(v) || is_tuple(v) || is_type(v, &range_type)));
        DISPATCH();
    }
    TARGET(MATCH_KEYS) {
        SAVE();
        Value r = match_keys(ts, SECOND(), TOP());
        ERROR_IF(r.is_null());
        PUSH(r);
        DISPATCH();
    }
    TARGET(MATCH_CLASS) {
        SAVE();
        // stack: subject, cls, names -> attrs-tuple or None
        Value r = match_class(ts, PEEK(3), SECOND(), TOP(), int(oparg));
        ERROR_IF(r.is_null());
        sp -= 2;
        TOP() = r;
        DISPATCH();
    }
    TARGET(CALL_INTRINSIC) {
        SAVE();
        Value r = call_intrinsic(ts, int(oparg), TOP());
        ERROR_IF(r.is_null());
        TOP() = r;
        DISPATCH();
    }

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
