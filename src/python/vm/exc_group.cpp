// except* support: matching an exception (group) against a type (ExceptionGroup.split), and
// combining what the except* clauses raised or re-raised (CPython 3.11's
// _PyExc_PrepReraiseStar).
#include <unordered_set>

#include "python/vm/errors.hpp"
#include "python/vm/eval_helpers.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Value exception_group_exceptions(ThreadState& ts, Value eg);
Value exception_group_message(ThreadState& ts, Value eg);
Value exception_group_new(ThreadState& ts, Type* type, const Value* args, size_t nargs);

namespace {

bool is_group(Value v) {
    return v.is_ptr() && is_subtype(v.as_ptr()->type, &exc_BaseExceptionGroup);
}

// eg.derive(excs) plus the metadata CPython copies (__cause__, __context__, __traceback__).
Value derive(ThreadState& ts, Value eg, std::vector<Value>& excs) {
    List* l = new_list_from(ts, excs.data(), int64_t(excs.size()));
    if (!l) return Value::null();
    Rooted kl(ts, Value::from_ptr(l));
    Value args[2] = {exception_group_message(ts, eg), Value::from_ptr(l)};
    Value r = call_method(ts, eg, find_static_name("derive"), &args[1], 1);
    if (r.is_null()) return r;
    auto* src = eg.as<BaseException>();
    auto* dst = r.as<BaseException>();
    dst->cause = src->cause;
    dst->context = src->context;
    dst->traceback = src->traceback;
    dst->suppress_context = src->suppress_context;
    (void)args;
    return r;
}

// Splits `exc` by predicate; *match / *rest null when empty.
template <class Pred>
bool split(ThreadState& ts, Value exc, Pred& pred, Value* match, Value* rest) {
    if (pred(exc)) {
        *match = exc;
        *rest = Value::null();
        return true;
    }
    if (!is_group(exc)) {
        *match = Value::null();
        *rest = exc;
        return true;
    }
    Value excs = exception_group_exceptions(ts, exc);
    Tuple* t = excs.as<Tuple>();
    RootedVector m(ts), r(ts);
    for (int64_t i = 0; i < t->size; ++i) {
        Value sm, sr;
        if (!split(ts, t->items[i], pred, &sm, &sr)) return false;
        if (!sm.is_null()) m.v.push_back(sm);
        if (!sr.is_null()) r.v.push_back(sr);
    }
    *match = m.v.empty() ? Value::null() : derive(ts, exc, m.v);
    if (!m.v.empty() && match->is_null()) return false;
    Rooted km(ts, *match);
    *rest = r.v.empty() ? Value::null() : derive(ts, exc, r.v);
    if (!r.v.empty() && rest->is_null()) return false;
    return true;
}

void collect_leaves(ThreadState& ts, Value exc, std::unordered_set<uint64_t>& out) {
    if (!is_group(exc)) {
        out.insert(exc.bits());
        return;
    }
    Tuple* t = exception_group_exceptions(ts, exc).as<Tuple>();
    for (int64_t i = 0; i < t->size; ++i) collect_leaves(ts, t->items[i], out);
}

}  // namespace

bool exception_group_match(ThreadState& ts, Value exc, Value type, Value* match, Value* rest) {
    if (!check_except_type_valid(ts, type)) return false;
    auto is_eg_type = [](Value t) {
        return is_typeobj(t) && is_subtype(t.as<Type>(), &exc_BaseExceptionGroup);
    };
    bool bad = is_eg_type(type);
    if (is_tuple(type))
        for (int64_t i = 0; i < type.as<Tuple>()->size; ++i) bad |= is_eg_type(type.as<Tuple>()->items[i]);
    if (bad) {
        raise(ts, &exc_TypeError,
              "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return false;
    }
    if (exc.is_none()) {
        *match = Value::none();
        *rest = Value::none();
        return true;
    }
    if (!is_group(exc)) {
        if (exception_matches(ts, exc, type)) {
            // A naked exception caught by except*: wrapped in an ExceptionGroup("").
            List* l = new_list_from(ts, &exc, 1);
            if (!l) return false;
            Rooted kl(ts, Value::from_ptr(l));
            Value args[2] = {str_value(ts, ""), Value::from_ptr(l)};
            Value eg = exception_group_new(ts, &exc_BaseExceptionGroup, args, 2);
            if (eg.is_null()) return false;
            eg.as<BaseException>()->traceback = exc.as<BaseException>()->traceback;
            *match = eg;
            *rest = Value::none();
            return true;
        }
        *match = Value::none();
        *rest = exc;
        return true;
    }
    auto pred = [&](Value e) { return exception_matches(ts, e, type); };
    Value m, r;
    if (!split(ts, exc, pred, &m, &r)) return false;
    *match = m.is_null() ? Value::none() : m;
    *rest = r.is_null() ? Value::none() : r;
    return true;
}

// BaseExceptionGroup.split(condition) / .subgroup(condition): condition is an exception type,
// a tuple of them, or a predicate called with each exception (the group itself first).
bool exception_group_split_by(ThreadState& ts, Value eg, Value condition, Value* match,
                              Value* rest) {
    bool is_type_cond = is_typeobj(condition) || is_tuple(condition);
    if (is_type_cond && !check_except_type_valid(ts, condition)) return false;
    if (!is_type_cond && !is_callable(condition)) {
        raise(ts, &exc_TypeError,
              "expected a function, exception type or tuple of exception types");
        return false;
    }
    bool failed = false;
    auto pred = [&](Value e) {
        if (failed) return false;
        if (is_type_cond) return exception_matches(ts, e, condition);
        Value r = call1(ts, condition, e);
        if (r.is_null()) {
            failed = true;
            return false;
        }
        int t = truthy(ts, r);
        if (t < 0) failed = true;
        return t > 0;
    };
    Value m, r;
    if (!split(ts, eg, pred, &m, &r) || failed) return false;
    *match = m.is_null() ? Value::none() : m;
    *rest = r.is_null() ? Value::none() : r;
    return true;
}

Value prep_reraise_star(ThreadState& ts, Value orig, Value excs) {
    List* l = excs.as<List>();
    RootedVector raised(ts), reraised(ts);
    std::unordered_set<uint64_t> orig_leaves;
    if (is_group(orig)) collect_leaves(ts, orig, orig_leaves);
    else orig_leaves.insert(orig.bits());
    for (int64_t i = 0; i < l->size; ++i) {
        Value e = l->items[i];
        if (e.is_none() || e.is_null()) continue;
        std::unordered_set<uint64_t> leaves;
        collect_leaves(ts, e, leaves);
        bool all_in = !leaves.empty();
        for (uint64_t x : leaves) all_in &= orig_leaves.count(x) > 0;
        (all_in ? reraised.v : raised.v).push_back(e);
    }
    if (raised.v.empty() && reraised.v.empty()) return Value::none();
    Value reraised_eg = Value::null();
    if (!reraised.v.empty()) {
        std::unordered_set<uint64_t> keep;
        for (Value e : reraised.v) collect_leaves(ts, e, keep);
        if (!is_group(orig)) {
            reraised_eg = orig;
        } else {
            auto pred = [&](Value e) { return !is_group(e) && keep.count(e.bits()) > 0; };
            Value rest;
            if (!split(ts, orig, pred, &reraised_eg, &rest)) return Value::null();
        }
    }
    if (raised.v.empty()) return reraised_eg;
    Rooted kr(ts, reraised_eg);
    if (!reraised_eg.is_null()) raised.v.push_back(reraised_eg);
    List* all = new_list_from(ts, raised.v.data(), int64_t(raised.v.size()));
    if (!all) return Value::null();
    Rooted ka(ts, Value::from_ptr(all));
    Value args[2] = {str_value(ts, ""), Value::from_ptr(all)};
    return exception_group_new(ts, &exc_BaseExceptionGroup, args, 2);
}

}  // namespace interleave::python
