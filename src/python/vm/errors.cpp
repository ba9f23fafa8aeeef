// Raising and matching exceptions (see errors.hpp).
#include "python/vm/errors.hpp"

#include "python/vm/ops.hpp"

namespace interleave::python {

const char* type_name(Value v) {
    Type* t = type_of(v);
    return (t->tflags & kTypeHeap) ? t->name_str->data : t->name;
}

Value raise_instance(ThreadState& ts, Value e) {
    if (e.is_null()) return e;  // making it failed: that error is already set
    if (ts.stopped) return Value::null();
    auto* be = e.as<BaseException>();
    // __context__: the exception being handled, unless that would make a cycle.
    Value ctx = ts.exc_info;
    if (!ctx.is_null() && !ctx.is_none() && ctx != e) {
        Value o = ctx;
        while (!o.is_null() && !o.is_none()) {
            auto* ob = o.as<BaseException>();
            if (ob->context == e) {
                ob->context = Value::null();
                break;
            }
            o = ob->context;
        }
        be->context = ctx;
    }
    ts.curexc = e;
    return Value::null();
}

Value raise(ThreadState& ts, Type* type, std::string_view message) {
    if (ts.stopped) return Value::null();
    Value e = new_exception(ts, type, message);
    if (e.is_null()) return e;
    return raise_instance(ts, e);
}

Value raise_object(ThreadState& ts, Value x) {
    if (is_exception_type(x)) {
        Value e = call0(ts, x);
        if (e.is_null()) return e;
        if (!is_exception_instance(e))
            return raisef(ts, &exc_TypeError,
                          "calling {} should have returned an instance of BaseException, not {}",
                          type_name(x), type_name(e));
        return raise_instance(ts, e);
    }
    if (is_exception_instance(x)) return raise_instance(ts, x);
    return raise(ts, &exc_TypeError, "exceptions must derive from BaseException");
}

Value raise_memory_error(ThreadState& ts) {
    if (ts.stopped) return Value::null();
    Value e = ts.interp.memory_error;
    if (!e.is_null()) {
        auto* be = e.as<BaseException>();
        be->traceback = Value::null();
        be->context = Value::null();
        be->cause = Value::null();
        ts.curexc = e;
    }
    ts.interp.note_memory_limit();
    return Value::null();
}

Value raise_stopped(ThreadState& ts) {
    ts.stopped = true;
    ts.curexc = Value::from_ptr(&ellipsis_obj);  // a sentinel no `except` matches
    return Value::null();
}

Value raise_no_attribute(ThreadState& ts, Value obj, Str* name) {
    if (is_typeobj(obj))
        return raise_attribute_error(ts, obj, name,
                                     fmt::format("type object '{}' has no attribute '{}'",
                                                 obj.as<Type>()->name_str->view(), name->view()));
    return raise_attribute_error(
        ts, obj, name,
        fmt::format("'{}' object has no attribute '{}'", type_name(obj), name->view()));
}

Value raise_attribute_error(ThreadState& ts, Value obj, Str* name, std::string message) {
    Rooted o(ts, obj);
    Value e = new_exception(ts, &exc_AttributeError, std::move(message));
    if (e.is_null()) return e;
    Rooted ke(ts, e);
    if (Dict* d = exception_attrs(ts, e)) {
        dict_set_str(ts, d, names.name, Value::from_ptr(name));
        dict_set_str(ts, d, names.obj, o);
    }
    return raise_instance(ts, e);
}

bool exception_matches(ThreadState& ts, Value exc, Value type_or_tuple) {
    if (ts.stopped || exc.is_null()) return false;
    if (is_tuple(type_or_tuple)) {
        Tuple* t = type_or_tuple.as<Tuple>();
        for (int64_t i = 0; i < t->size; ++i)
            if (exception_matches(ts, exc, t->items[i])) return true;
        return false;
    }
    if (!is_typeobj(type_or_tuple)) return false;
    return is_subtype(type_of(exc), type_or_tuple.as<Type>());
}

bool exc_matches(ThreadState& ts, Type* type) {
    if (ts.stopped || ts.curexc.is_null()) return false;
    return is_subtype(type_of(ts.curexc), type);
}

Value fetch_exc(ThreadState& ts) {
    Value e = ts.curexc;
    if (!ts.stopped) ts.curexc = Value::null();
    return e;
}

bool clear_if(ThreadState& ts, Type* type) {
    if (!exc_matches(ts, type)) return false;
    ts.curexc = Value::null();
    return true;
}

}  // namespace interleave::python
