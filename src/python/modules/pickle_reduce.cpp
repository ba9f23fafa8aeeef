// pickle's reductions that are not the pickler's own opcodes (see pickle_codec.hpp): pickle's
// exceptions and the reduce value of bound methods, as CPython 3.11's Objects/classobject.c
// (method_reduce) and Objects/methodobject.c (meth_reduce).
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

bool is_bound_method(Value v) {
    if (is_type(v, &bound_method_type)) return true;
    if (!is_type(v, &builtin_function_type)) return false;
    Value self = v.as<BuiltinFunction>()->self;
    return !self.is_null() && !is_type(self, &module_type);
}

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

}  // namespace interleave::python
