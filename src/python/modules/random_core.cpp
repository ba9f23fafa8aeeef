// _random (CPython 3.11's Modules/_randommodule.c): the Random type holding pynum's Mersenne
// Twister (num/mt19937.hpp): random(), getrandbits(k), seed(int|float|str|bytes),
// getstate()/setstate(). random.py (modules/random.py) builds Lib/random.py's methods on it,
// as CPython does, so seeded programs draw what CPython draws.
// Not thread-safe per object: calls hold the GIL (without a GIL two threads drawing from one
// Random may interleave their words, as a race in CPython 3.13t would).
#include <new>

#include "python/modules/module_def.hpp"
#include "python/num/mt19937.hpp"
#include "python/objects/int.hpp"
#include "python/objects/types.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Type random_type;

namespace {

struct RandomObject : Object {
    MersenneTwister mt;
};

MersenneTwister& mt_of(Value self) {
    return static_cast<RandomObject*>(self.as_ptr())->mt;
}

Value random_new(ThreadState& ts, Type* type, const Value*, size_t, Tuple*) {
    size_t size = std::max<size_t>(sizeof(RandomObject), type->instance_size);
    Object* raw = ts.heap.alloc(type, size);
    if (!raw) return raise_memory_error(ts);
    new (&static_cast<RandomObject*>(raw)->mt) MersenneTwister();
    return Value::from_ptr(raw);
}

Value r_random(ThreadState&, const Value* a, size_t, Tuple*) {
    return Value::from_double(mt_of(a[0]).random());
}

Value r_getrandbits(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2)
        return raisef(ts, &exc_TypeError, "getrandbits() takes exactly one argument ({} given)",
                      n - 1);
    if (!is_int(a[1]))
        return raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer",
                      type_name(a[1]));
    int64_t k;
    if (!index_i64(ts, a[1], &k)) return Value::null();
    // Up to 64 bits without a BigInt (a small int holds 48: wider results are boxed).
    if (k >= 0 && k <= 64) return int_from_u64(ts, mt_of(a[0]).getrandbits64(int(k)));
    Result<BigInt> r = mt_of(a[0]).getrandbits(k);
    if (!r.ok()) return raise_num_error(ts, r.error);
    return int_from_bigint(ts, std::move(r.value));
}

// seed(n): ints by their magnitude's 32-bit words; floats by hash(); str (UTF-8) and bytes by
// version 2's sha512 extension (Lib/random.py converts those before calling the C seed; pynum
// does both steps).
Value r_seed(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2)
        return raisef(ts, &exc_TypeError, "seed() takes exactly one argument ({} given)", n - 1);
    MersenneTwister& mt = mt_of(a[0]);
    Value v = a[1];
    if (v.is_bool() || v.is_small()) {
        mt.seed(v.is_bool() ? int64_t(v.is_true()) : v.as_small());
    } else if (is_int(v)) {
        mt.seed(to_bigint(v));
    } else if (v.is_double()) {
        mt.seed_float(v.as_double());
    } else if (is_str(v)) {
        mt.seed_bytes(str_view(v));
    } else if (is_bytes(v)) {
        mt.seed_bytes(v.as<Bytes>()->view());
    } else {
        int64_t h;
        if (!hash(ts, v, &h)) return Value::null();
        mt.seed(h < 0 ? -h : h);
    }
    return Value::none();
}

Value r_getstate(ThreadState& ts, const Value* a, size_t, Tuple*) {
    MersenneTwister::State st = mt_of(a[0]).getstate();
    Tuple* t = new_tuple(ts, MersenneTwister::kN + 1);
    if (!t) return Value::null();
    for (int i = 0; i < MersenneTwister::kN; ++i)
        t->items[i] = Value::from_small(st.words[size_t(i)]);
    t->items[MersenneTwister::kN] = Value::from_small(st.index);
    return Value::from_ptr(t);
}

Value r_setstate(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2)
        return raisef(ts, &exc_TypeError, "setstate() takes exactly one argument ({} given)",
                      n - 1);
    if (!is_tuple(a[1])) return raise(ts, &exc_TypeError, "state vector must be a tuple");
    Tuple* t = a[1].as<Tuple>();
    if (t->size != MersenneTwister::kN + 1)
        return raise(ts, &exc_ValueError, "state vector is the wrong size");
    MersenneTwister::State st;
    for (int i = 0; i <= MersenneTwister::kN; ++i) {
        int64_t w;
        if (!index_i64(ts, t->items[i], &w)) return Value::null();
        if (i < MersenneTwister::kN)
            st.words[size_t(i)] = uint32_t(w);
        else
            st.index = int(w);
    }
    if (Error e = mt_of(a[0]).setstate(st)) return raise_num_error(ts, e);
    return Value::none();
}

const MethodDef kRandomMethods[] = {
    {"random", r_random},     {"getrandbits", r_getrandbits}, {"seed", r_seed},
    {"getstate", r_getstate}, {"setstate", r_setstate},
};

}  // namespace

void setup_random_type(TypeBuilder& b) {
    b.init(random_type, "_random.Random", nullptr, sizeof(RandomObject));
    random_type.new_ = random_new;
    b.methods(random_type, kRandomMethods);
}

bool init_random_core(ThreadState& ts, Module* m) {
    return add_type(ts, m, &random_type);
}

}  // namespace interleave::python
