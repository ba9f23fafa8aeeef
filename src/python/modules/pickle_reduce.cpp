// pickle's reductions that are not the pickler's own opcodes (see pickle_codec.hpp): pickle's
// exceptions and the reduce values of builtin objects: bound methods, as CPython 3.11's
// Objects/classobject.c (method_reduce) and Objects/methodobject.c (meth_reduce); range and
// slice, as Objects/rangeobject.c (range_reduce) and sliceobject.c (slice_reduce).
#include "python/modules/pickle_codec.hpp"

#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Value import_module(ThreadState& ts, std::string_view name);

Value raise_pickle_error(ThreadState& ts, const char* name, std::string_view msg) {
    Value mod = import_module(ts, "pickle");
    if (mod.is_null()) return mod;
    Value cls = getattr(ts, mod, intern_str(ts, name));
    if (cls.is_null()) return cls;
    Value m = str_value(ts, msg);
    if (m.is_null()) return m;
    Rooted km(ts, m);
    Value e = call1(ts, cls, m);
    if (e.is_null()) return e;
    return raise_instance(ts, e);
}

namespace {

bool is_bound_method(Value v) {
    if (is_type(v, &bound_method_type)) return true;
    if (!is_type(v, &builtin_function_type)) return false;
    Value self = v.as<BuiltinFunction>()->self;
    return !self.is_null() && !is_type(self, &module_type);
}

// (getattr, (self, name)).
Value method_reduce(ThreadState& ts, Value v) {
    Rooted keep(ts, v);
    Value self, name;
    if (is_type(v, &bound_method_type)) {
        self = v.as<BoundMethod>()->self;
        Value func = v.as<BoundMethod>()->func;
        // A slot's method ((lambda: 0).__call__, CPython's method-wrapper) has its slot's name.
        name = is_type(func, &slot_wrapper_type) ? Value::from_ptr(func.as<SlotWrapper>()->name)
                                                 : getattr(ts, func, names.__name__);
    } else {
        self = v.as<BuiltinFunction>()->self;
        name = str_value(ts, v.as<BuiltinFunction>()->def->name);
    }
    if (name.is_null()) return name;
    Rooted kn(ts, name);
    Value get = dict_get_str(ts.interp.builtins, intern_str(ts, "getattr"));
    if (get.is_null()) return raise(ts, &exc_AttributeError, "getattr");  // as _PyEval_GetBuiltin
    Rooted kg(ts, get);
    Tuple* args = new_tuple(ts, 2);
    if (!args) return Value::null();
    args->items[0] = self;
    args->items[1] = name;
    Rooted ka(ts, Value::from_ptr(args));
    Tuple* r = new_tuple(ts, 2);
    if (!r) return Value::null();
    r->items[0] = get;
    r->items[1] = Value::from_ptr(args);
    return Value::from_ptr(r);
}

// (type, (start, stop, step)).
Value triple_reduce(ThreadState& ts, Type* type, Value start, Value stop, Value step) {
    Rooted k0(ts, start), k1(ts, stop), k2(ts, step);
    Tuple* args = new_tuple(ts, 3);
    if (!args) return Value::null();
    args->items[0] = start;
    args->items[1] = stop;
    args->items[2] = step;
    Rooted ka(ts, Value::from_ptr(args));
    Tuple* r = new_tuple(ts, 2);
    if (!r) return Value::null();
    r->items[0] = Value::from_ptr(type);
    r->items[1] = Value::from_ptr(args);
    return Value::from_ptr(r);
}

}  // namespace

Value exception_reduce_args(ThreadState& ts, Value exc) {
    BaseException* e = exc.as<BaseException>();
    Value args = e->args ? Value::from_ptr(e->args) : Value::from_ptr(empty_tuple());
    // OSError_reduce: a filename goes back into the arguments (errno, strerror, filename
    // [, None, filename2]) so that __init__ restores it.
    Value filename = exception_attr(exc, "filename");
    if (!is_subtype(type_of(exc), &exc_OSError) || !e->args || e->args->size != 2 ||
        filename.is_null() || filename.is_none())
        return args;
    Value filename2 = exception_attr(exc, "filename2");
    const bool two = !filename2.is_null() && !filename2.is_none();
    Tuple* t = new_tuple(ts, two ? 5 : 3);
    if (!t) return Value::null();
    t->items[0] = e->args->items[0];
    t->items[1] = e->args->items[1];
    t->items[2] = filename;
    if (two) {
        t->items[3] = Value::none();
        t->items[4] = filename2;
    }
    return Value::from_ptr(t);
}

Value exception_state(ThreadState& ts, Value exc) {
    Dict* d = exc.as<BaseException>()->dict;
    Value state = d && d->used > 0 ? Value::from_ptr(d) : Value::null();
    if (!is_subtype(type_of(exc), &exc_ImportError)) return state;
    // ImportError_getstate: its name and path join a copy of the __dict__.
    const Value name = exception_attr(exc, "name"), path = exception_attr(exc, "path");
    if (name.is_null() && path.is_null()) return state;
    Dict* copy = d ? dict_copy(ts, d) : new_dict(ts);
    if (!copy) return Value::null();
    Rooted keep(ts, Value::from_ptr(copy));
    if ((!name.is_null() && !dict_set_str(ts, copy, intern_str(ts, "name"), name)) ||
        (!path.is_null() && !dict_set_str(ts, copy, intern_str(ts, "path"), path)))
        return Value::null();
    return Value::from_ptr(copy);
}

bool has_builtin_reduce(Value v) {
    return is_bound_method(v) || is_type(v, &range_type) || is_type(v, &slice_type);
}

Value builtin_reduce(ThreadState& ts, Value v) {
    if (is_type(v, &range_type)) {
        Value b[3];
        range_bounds(ts, v, b);
        if (b[0].is_null() || b[1].is_null() || b[2].is_null()) return Value::null();
        Rooted k0(ts, b[0]), k1(ts, b[1]);
        return triple_reduce(ts, &range_type, b[0], b[1], b[2]);
    }
    if (is_type(v, &slice_type)) {
        const Slice* s = v.as<Slice>();
        return triple_reduce(ts, &slice_type, s->start, s->stop, s->step);
    }
    return method_reduce(ts, v);
}

}  // namespace interleave::python
