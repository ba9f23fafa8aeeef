// The match statement's run-time checks (CPython 3.11's ceval.c match_keys, match_class and
// the Py_TPFLAGS_SEQUENCE / _MAPPING tests of MATCH_SEQUENCE / MATCH_MAPPING); the code that
// uses them comes from compiler/codegen_match.cpp.
#include "python/objects/set.hpp"
#include "python/vm/call.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/eval_helpers.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

// MATCH_KEYS (CPython 3.11 ceval.c match_keys): a tuple of map.get(key, dummy) for each key,
// None when one is missing; ValueError for a key checked twice.
Value match_keys(ThreadState& ts, Value map, Value keys) {
    Tuple* kt = keys.as<Tuple>();
    if (kt->size == 0) {
        Tuple* t = new_tuple(ts, 0);
        return t ? Value::from_ptr(t) : Value::null();
    }
    Value get = getattr(ts, map, intern_str(ts, "get"));
    if (get.is_null()) return get;
    Rooted kg(ts, get);
    Set* seen = new_set(ts);
    if (!seen) return Value::null();
    Rooted ks(ts, Value::from_ptr(seen));
    Value dummy = call0(ts, Value::from_ptr(&object_type));
    if (dummy.is_null()) return dummy;
    Rooted kd(ts, dummy);
    Tuple* values = new_tuple(ts, kt->size);
    if (!values) return Value::null();
    for (int64_t i = 0; i < kt->size; ++i) values->items[i] = Value::none();
    Rooted kv(ts, Value::from_ptr(values));
    for (int64_t i = 0; i < kt->size; ++i) {
        const Value key = kt->items[i];
        const int in = set_contains_key(ts, seen, key);
        if (in < 0) return Value::null();
        if (in) {
            Value r = repr(ts, key);
            if (r.is_null()) return r;
            return raisef(ts, &exc_ValueError, "mapping pattern checks duplicate key ({})",
                          str_view(r));
        }
        if (!set_add(ts, seen, key)) return Value::null();
        const Value args[] = {key, dummy};
        Value v = call(ts, get, args, 2, nullptr);
        if (v.is_null()) return v;
        if (v == dummy) return Value::none();
        values->items[i] = v;
    }
    return Value::from_ptr(values);
}

namespace {

// match_class_attr: the attribute, null with no exception when it is missing.
Value match_class_attr(ThreadState& ts, Value subject, Type* type, Value name, Set* seen) {
    const int in = set_contains_key(ts, seen, name);
    if (in < 0) return Value::null();
    if (in) {
        Value r = repr(ts, name);
        if (r.is_null()) return r;
        return raisef(ts, &exc_TypeError, "{}() got multiple sub-patterns for attribute {}",
                      type->name, str_view(r));
    }
    if (!set_add(ts, seen, name)) return Value::null();
    return getattr_opt(ts, subject, name.as<Str>());
}

// Builtin types whose single positional sub-pattern matches the subject itself
// (_Py_TPFLAGS_MATCH_SELF), and their subclasses.
bool matches_self(Type* t) {
    for (const Type* b :
         {&bool_type, &bytearray_type, &bytes_type, &dict_type, &float_type, &frozenset_type,
          &int_type, &list_type, &set_type, &str_type, &tuple_type})
        if (t == b || is_subtype(t, b)) return true;
    return false;
}

}  // namespace

// MATCH_CLASS (ceval.c match_class): the tuple of attributes for cls(...) sub-patterns, None
// when the subject is no instance of cls or lacks an attribute; null when it raised.
Value match_class(ThreadState& ts, Value subject, Value cls, Value names, int nargs) {
    if (!is_typeobj(cls)) return raise(ts, &exc_TypeError, "called match pattern must be a type");
    Type* type = cls.as<Type>();
    const int inst = isinstance(ts, subject, cls);
    if (inst < 0) return Value::null();
    if (!inst) return Value::none();
    Set* seen = new_set(ts);
    if (!seen) return Value::null();
    Rooted ks(ts, Value::from_ptr(seen));
    RootedVector attrs(ts);
    if (nargs) {
        bool match_self = false;
        Value match_args = getattr_opt(ts, cls, intern_str(ts, "__match_args__"));
        if (match_args.is_null() && !ts.curexc.is_null()) return Value::null();
        Rooted km(ts, match_args);
        if (!match_args.is_null()) {
            if (!is_type(match_args, &tuple_type))
                return raisef(ts, &exc_TypeError, "{}.__match_args__ must be a tuple (got {})",
                              type->name, type_name(match_args));
        } else {
            match_self = matches_self(type);
        }
        const int64_t allowed = match_self             ? 1
                                : match_args.is_null() ? 0
                                                       : match_args.as<Tuple>()->size;
        if (allowed < nargs)
            return raisef(ts, &exc_TypeError, "{}() accepts {} positional sub-pattern{} ({} given)",
                          type->name, allowed, allowed == 1 ? "" : "s", nargs);
        if (match_self) {
            attrs.v.push_back(subject);
        } else {
            for (int i = 0; i < nargs; ++i) {
                Value name = match_args.as<Tuple>()->items[i];
                if (!is_exact_str(name))
                    return raisef(ts, &exc_TypeError,
                                  "__match_args__ elements must be strings (got {})",
                                  type_name(name));
                Value a = match_class_attr(ts, subject, type, name, seen);
                if (a.is_null()) return !ts.curexc.is_null() ? Value::null() : Value::none();
                attrs.v.push_back(a);
            }
        }
    }
    Tuple* kw = names.as<Tuple>();
    for (int64_t i = 0; i < kw->size; ++i) {
        Value a = match_class_attr(ts, subject, type, kw->items[i], seen);
        if (a.is_null()) return !ts.curexc.is_null() ? Value::null() : Value::none();
        attrs.v.push_back(a);
    }
    Tuple* t = new_tuple_from(ts, attrs.v.data(), int64_t(attrs.v.size()));
    return t ? Value::from_ptr(t) : Value::null();
}

namespace {

// Whether a class statement's type has `module.name` on its MRO (CPython marks those types
// with a tp_flags bit that subclasses inherit: collections.deque, collections.abc.Sequence
// and Mapping through __abc_tpflags__).
bool heap_mro_has(const Type* t, std::string_view module, std::string_view name) {
    if (!(t->tflags & kTypeHeap) || !t->mro) return false;
    for (int64_t i = 0; i < t->mro->size; ++i) {
        Value b = t->mro->items[i];
        if (!is_typeobj(b)) continue;
        const Type* bt = b.as<Type>();
        if (std::string_view(bt->name) != name || !bt->dict) continue;
        Value m = dict_lookup_view(bt->dict, "__module__");
        if (is_str(m) && str_view(m) == module) return true;
    }
    return false;
}

}  // namespace

// MATCH_SEQUENCE (Py_TPFLAGS_SEQUENCE): list, tuple, range, collections.deque and subclasses
// of collections.abc.Sequence (not str, bytes or bytearray).
bool match_sequence(Value v) {
    if (is_list(v) || is_tuple(v) || is_type(v, &range_type)) return true;
    const Type* t = type_of(v);
    return heap_mro_has(t, "collections", "deque") ||
           heap_mro_has(t, "collections.abc", "Sequence");
}

// MATCH_MAPPING (Py_TPFLAGS_MAPPING): dict, its subclasses and collections.abc.Mapping's.
bool match_mapping(Value v) {
    return is_dict(v) || heap_mro_has(type_of(v), "collections.abc", "Mapping");
}

}  // namespace interleave::python
