// Builtins over iterables: min, max, sum, sorted, any, all; list sorting (stable, as CPython's
// timsort: same results for consistent comparisons; key functions; reverse).
#include <algorithm>
#include <cmath>

#include "python/builtins/builtins.hpp"
#include "python/objects/int.hpp"
#include "python/objects/obj_lock.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

size_t npos(size_t nargs, Tuple* kw) {
    return nargs - (kw ? size_t(kw->size) : 0);
}

Value minmax(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw, bool is_max) {
    const char* fn = is_max ? "max" : "min";
    size_t n = npos(nargs, kw);
    Value key = Value::none(), dflt = Value::null();
    for (size_t i = 0; kw && i < size_t(kw->size); ++i) {
        std::string_view k = str_view(kw->items[i]);
        if (k == "key") key = args[n + i];
        else if (k == "default") dflt = args[n + i];
        else return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for {}()", k, fn);
    }
    if (n == 0) return raisef(ts, &exc_TypeError, "{} expected at least 1 argument, got 0", fn);
    if (n > 1 && !dflt.is_null())
        return raisef(ts, &exc_TypeError, "Cannot specify a default for {}() with multiple positional arguments", fn);
    RootedVector items(ts);
    if (n == 1) {
        if (!iterate_into(ts, args[0], items.v)) return Value::null();
    } else {
        items.v.assign(args, args + n);
    }
    if (items.v.empty()) {
        if (!dflt.is_null()) return dflt;
        return raisef(ts, &exc_ValueError, "{}() arg is an empty sequence", fn);
    }
    Rooted best(ts, items.v[0]);
    Rooted best_key(ts, best.get());
    if (!key.is_none()) {
        best_key = call1(ts, key, best);
        if (best_key.get().is_null()) return Value::null();
    }
    for (size_t i = 1; i < items.v.size(); ++i) {
        Value item = items.v[i];
        Rooted k(ts, item);
        if (!key.is_none()) {
            k = call1(ts, key, item);
            if (k.get().is_null()) return Value::null();
        }
        int c = richcompare_bool(ts, k, best_key, is_max ? CompareOp::gt : CompareOp::lt);
        if (c < 0) return Value::null();
        if (c) {
            best = item;
            best_key = k.get();
        }
    }
    return best;
}

Value b_min(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    return minmax(ts, a, n, kw, false);
}
Value b_max(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    return minmax(ts, a, n, kw, true);
}

Value b_sum(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    size_t n = npos(nargs, kw);
    Value start = n > 1 ? args[1] : Value::from_small(0);
    for (size_t i = 0; kw && i < size_t(kw->size); ++i) {
        if (str_view(kw->items[i]) == "start") start = args[n + i];
        else return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for sum()", str_view(kw->items[i]));
    }
    if (n < 1) return raise(ts, &exc_TypeError, "sum() takes at least 1 positional argument (0 given)");
    if (is_str(start)) return raise(ts, &exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (is_type(start, &bytes_type)) return raise(ts, &exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    Rooted it(ts, get_iter(ts, args[0]));
    if (it.get().is_null()) return Value::null();
    Rooted acc(ts, start);
    // Fast paths for small ints and floats (CPython's sum does the same).
    int64_t iacc = 0;
    bool in_int = start.is_small();
    if (in_int) iacc = start.as_small();
    double facc = 0;
    bool in_float = false;
    size_t count = 0;
    for (;;) {
        Value v = iter_next(ts, it);
        if (v.is_null()) {
            if (ts.has_exc()) return Value::null();
            break;
        }
        if ((++count & 4095) == 0 && !poll_long_loop(ts)) return Value::null();
        if (in_int) {
            if (v.is_small()) {
                int64_t r = iacc + v.as_small();
                if (Value::fits_small(r)) {
                    iacc = r;
                    continue;
                }
            }
            acc = Value::from_small(iacc);
            in_int = false;
            if (v.is_double()) {
                in_float = true;
                facc = double(iacc) + v.as_double();
                continue;
            }
        } else if (in_float) {
            if (v.is_double()) {
                facc += v.as_double();
                continue;
            }
            if (v.is_small()) {
                facc += double(v.as_small());
                continue;
            }
            acc = Value::from_double(facc);
            in_float = false;
        } else if (acc.get().is_double() && (v.is_double() || v.is_small())) {
            in_float = true;
            facc = acc.get().as_double() + (v.is_double() ? v.as_double() : double(v.as_small()));
            continue;
        }
        Rooted kv(ts, v);
        Value r = binary_op(ts, acc, v, int(BinaryOp::add));
        if (r.is_null()) return r;
        acc = r;
    }
    if (in_int) return Value::from_small(iacc);
    if (in_float) return Value::from_double(facc);
    return acc;
}

Value b_any_all(ThreadState& ts, const Value* args, size_t nargs, bool want) {
    if (nargs != 1) return raisef(ts, &exc_TypeError, "{}() takes exactly one argument ({} given)", want ? "any" : "all", nargs);
    Rooted it(ts, get_iter(ts, args[0]));
    if (it.get().is_null()) return Value::null();
    for (;;) {
        Value v = iter_next(ts, it);
        if (v.is_null()) return ts.has_exc() ? Value::null() : Value::boolean(!want);
        int t = truthy(ts, v);
        if (t < 0) return Value::null();
        if (bool(t) == want) return Value::boolean(want);
    }
}
Value b_any(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return b_any_all(ts, a, n, true);
}
Value b_all(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return b_any_all(ts, a, n, false);
}

Value b_sorted(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    size_t n = npos(nargs, kw);
    if (n != 1) return raisef(ts, &exc_TypeError, "sorted expected 1 argument, got {}", n);
    Value key = Value::none();
    bool reverse = false;
    for (size_t i = 0; kw && i < size_t(kw->size); ++i) {
        std::string_view k = str_view(kw->items[i]);
        if (k == "key") key = args[n + i];
        else if (k == "reverse") {
            int t = truthy(ts, args[n + i]);
            if (t < 0) return Value::null();
            reverse = t;
        } else {
            return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for sort()", k);
        }
    }
    RootedVector items(ts);
    if (!iterate_into(ts, args[0], items.v)) return Value::null();
    List* l = new_list_from(ts, items.v.data(), int64_t(items.v.size()));
    if (!l) return Value::null();
    Rooted kl(ts, Value::from_ptr(l));
    if (sort_list(ts, l, key, reverse).is_null()) return Value::null();
    return Value::from_ptr(l);
}

const MethodDef kSeqBuiltins[] = {
    {"min", b_min}, {"max", b_max}, {"sum", b_sum}, {"any", b_any}, {"all", b_all},
    {"sorted", b_sorted},
};

}  // namespace

// Sorts `l` in place. The list looks empty while sorting (as CPython: a key or __lt__ that
// changes it gets ValueError "list modified during sort").
Value sort_list(ThreadState& ts, List* l, Value key, bool reverse) {
    Rooted keep(ts, Value::from_ptr(l));
    RootedVector vals(ts), keys(ts);
    int64_t n;
    {
        ObjectLock g(l);  // free-threaded runs: the list's lock, never held across user code
        n = l->size;
        if (n < 2) return Value::none();
        vals.v.assign(l->items, l->items + n);
        l->size = 0;  // hide the items while user code runs
    }
    bool has_key = !key.is_none() && !key.is_null();
    if (has_key) {
        keys.v.reserve(size_t(n));
        for (int64_t i = 0; i < n; ++i) {
            Value k = call1(ts, key, vals.v[size_t(i)]);
            if (k.is_null()) {
                ObjectLock g(l);
                if (!list_reserve(ts, l, n)) return Value::null();
                l->size = n;
                std::copy(vals.v.begin(), vals.v.end(), l->items);
                return Value::null();
            }
            keys.v.push_back(k);
        }
    }
    std::vector<Value>& ks = has_key ? keys.v : vals.v;
    std::vector<size_t> order(static_cast<size_t>(n));
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    // Homogeneous fast paths (CPython's unsafe_*_compare).
    bool all_small = true, all_float = true, all_str = true;
    for (Value k : ks) {
        all_small &= k.is_small();
        all_float &= k.is_double();
        all_str &= is_exact_str(k);
    }
    bool failed = false;
    size_t cmp_count = 0;
    auto less = [&](size_t a, size_t b) -> bool {
        if (failed) return false;
        Value x = ks[a], y = ks[b];
        if (all_small) return x.as_small() < y.as_small();
        if (all_float) return x.as_double() < y.as_double();
        if (all_str) return x.as<Str>()->view() < y.as<Str>()->view();
        if ((++cmp_count & 4095) == 0 && !poll_long_loop(ts)) {
            failed = true;
            return false;
        }
        int r = richcompare_bool(ts, x, y, CompareOp::lt);
        if (r < 0) {
            failed = true;
            return false;
        }
        return r;
    };
    if (reverse) {
        // Stable and reversed as CPython: reverse, stable sort with flipped comparison, reverse.
        std::reverse(order.begin(), order.end());
        std::stable_sort(order.begin(), order.end(), less);
        std::reverse(order.begin(), order.end());
    } else {
        std::stable_sort(order.begin(), order.end(), less);
    }
    ObjectLock g(l);
    bool modified = l->size != 0;
    if (!list_reserve(ts, l, n)) return Value::null();
    if (failed) {
        for (int64_t i = 0; i < n; ++i) l->items[i] = vals.v[size_t(i)];
    } else {
        for (int64_t i = 0; i < n; ++i) l->items[i] = vals.v[order[size_t(i)]];
    }
    l->size = n;
    g.release();
    if (failed) return Value::null();
    if (modified) return raise(ts, &exc_ValueError, "list modified during sort");
    return Value::none();
}

void add_builtin_seq_functions(ThreadState& ts, Dict* d) {
    for (const MethodDef& def : kSeqBuiltins)
        dict_set_str(ts, d, intern_str(ts, def.name), new_builtin(ts, &def, Value::null()));
}

}  // namespace interleave::python
