// The abstract object protocol (see ops.hpp): text, comparison, truth, attributes, calls,
// iteration, types; numbers are in ops_number.cpp.
#include "python/vm/ops.hpp"

#include <algorithm>

#include "python/objects/int.hpp"
#include "python/vm/call.hpp"
#include "python/vm/errors.hpp"

namespace interleave::python {

Value import_module(ThreadState& ts, std::string_view name);  // vm/import.cpp

// --- text ------------------------------------------------------------------------------------

Value repr(ThreadState& ts, Value v) {
    Type* t = type_of(v);
    if (!t->repr) return raisef(ts, &exc_TypeError, "cannot repr '{}'", t->name);
    if (++ts.native_depth > 800) {
        --ts.native_depth;
        // A class's __repr__ recursing fails in CPython's call path first.
        return raise(ts, &exc_RecursionError,
                     (t->tflags & kTypeHeap)
                         ? "maximum recursion depth exceeded while calling a Python object"
                         : "maximum recursion depth exceeded while getting the repr of an object");
    }
    Value r = t->repr(ts, v);
    --ts.native_depth;
    if (!r.is_null() && !is_str(r))
        return raisef(ts, &exc_TypeError, "__repr__ returned non-string (type {})", type_name(r));
    return r;
}

Value str(ThreadState& ts, Value v) {
    if (is_exact_str(v)) return v;
    Type* t = type_of(v);
    if (!t->str) return repr(ts, v);
    if (++ts.native_depth > 800) {
        --ts.native_depth;
        return raise(ts, &exc_RecursionError,
                     (t->tflags & kTypeHeap)
                         ? "maximum recursion depth exceeded while calling a Python object"
                         : "maximum recursion depth exceeded while getting the str of an object");
    }
    Value r = t->str(ts, v);
    --ts.native_depth;
    if (!r.is_null() && !is_str(r))
        return raisef(ts, &exc_TypeError, "__str__ returned non-string (type {})", type_name(r));
    return r;
}

bool repr_utf8(ThreadState& ts, Value v, std::string* out) {
    Value r = repr(ts, v);
    if (r.is_null()) return false;
    *out = std::string(str_view(r));
    return true;
}

bool str_utf8(ThreadState& ts, Value v, std::string* out) {
    Value r = str(ts, v);
    if (r.is_null()) return false;
    *out = std::string(str_view(r));
    return true;
}

bool repr_enter(ThreadState& ts, Value v) {
    for (Value x : ts.repr_stack)
        if (x == v) return false;
    ts.repr_stack.push_back(v);
    return true;
}

void repr_leave(ThreadState& ts, Value v) {
    if (!ts.repr_stack.empty() && ts.repr_stack.back() == v) ts.repr_stack.pop_back();
}

// --- comparison, hashing, truth ----------------------------------------------------------------

bool hash_not_implemented(ThreadState& ts, Value v, int64_t*) {
    raisef(ts, &exc_TypeError, "unhashable type: '{}'", type_name(v));
    return false;
}

int64_t str_hash_view(std::string_view utf8);

bool hash(ThreadState& ts, Value v, int64_t* out) {
    if (v.is_small()) {
        *out = hash_small_int(v.as_small());
        return true;
    }
    if (v.is_ptr() && v.as_ptr()->type == &str_type) {
        *out = str_hash(v.as<Str>());
        return true;
    }
    Type* t = type_of(v);
    if (!t->hash) return hash_not_implemented(ts, v, out);
    return t->hash(ts, v, out);
}

namespace {
CompareOp swapped(CompareOp op) {
    switch (op) {
        case CompareOp::lt:
            return CompareOp::gt;
        case CompareOp::le:
            return CompareOp::ge;
        case CompareOp::gt:
            return CompareOp::lt;
        case CompareOp::ge:
            return CompareOp::le;
        default:
            return op;
    }
}
const char* cmp_symbol(CompareOp op) {
    static const char* const s[] = {"<", "<=", "==", "!=", ">", ">="};
    return s[int(op)];
}
}  // namespace

Value richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (++ts.native_depth > 800) {
        --ts.native_depth;
        return raise(ts, &exc_RecursionError, "maximum recursion depth exceeded in comparison");
    }
    struct Leave {
        ThreadState& ts;
        ~Leave() { --ts.native_depth; }
    } leave{ts};
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    bool checked_reverse = false;
    if (ta != tb && is_subtype(tb, ta) && tb->richcompare) {
        checked_reverse = true;
        Value r = tb->richcompare(ts, b, a, swapped(op));
        if (!is_not_implemented(r)) return r;
    }
    if (ta->richcompare) {
        Value r = ta->richcompare(ts, a, b, op);
        if (!is_not_implemented(r)) return r;
    }
    if (!checked_reverse && tb->richcompare) {
        Value r = tb->richcompare(ts, b, a, swapped(op));
        if (!is_not_implemented(r)) return r;
    }
    if (op == CompareOp::eq) return Value::boolean(a == b);
    if (op == CompareOp::ne) return Value::boolean(a != b);
    return raisef(ts, &exc_TypeError, "'{}' not supported between instances of '{}' and '{}'",
                  cmp_symbol(op), type_name(a), type_name(b));
}

int richcompare_bool(ThreadState& ts, Value a, Value b, CompareOp op) {
    // Identity first, as PyObject_RichCompareBool: a float is "the same object" when its bits
    // are (a NaN held in a variable is found by `in` and list ==, as CPython's one object is).
    if (a == b) {
        if (op == CompareOp::eq) return 1;
        if (op == CompareOp::ne) return 0;
    }
    if (a.is_small() && b.is_small()) {
        int64_t x = a.as_small(), y = b.as_small();
        switch (op) {
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
    Value r = richcompare(ts, a, b, op);
    if (r.is_null()) return -1;
    if (r.is_bool()) return r.is_true();
    return truthy(ts, r);
}

int equal(ThreadState& ts, Value a, Value b) {
    return richcompare_bool(ts, a, b, CompareOp::eq);
}

int truthy(ThreadState& ts, Value v) {
    if (v.is_bool()) return v.is_true();
    if (v.is_none()) return 0;
    if (v.is_small()) return v.as_small() != 0;
    if (v.is_double()) return v.as_double() != 0.0;
    Type* t = type_of(v);
    if (t->bool_) return t->bool_(ts, v);
    if (t->len) {
        int64_t n = t->len(ts, v);
        return n < 0 ? -1 : n != 0;
    }
    return 1;
}

// --- attributes ----------------------------------------------------------------------------

Value getattr(ThreadState& ts, Value obj, Str* name) {
    Type* t = type_of(obj);
    if (t->getattr) return t->getattr(ts, obj, name);
    return generic_getattr(ts, obj, name);
}

Value getattr_opt(ThreadState& ts, Value obj, Str* name) {
    Type* t = type_of(obj);
    if (t->getattr == generic_getattr || !t->getattr) return generic_getattr_opt(ts, obj, name);
    Value v = t->getattr(ts, obj, name);
    if (v.is_null() && clear_if(ts, &exc_AttributeError)) return Value::null();
    return v;
}

bool setattr(ThreadState& ts, Value obj, Str* name, Value v) {
    Type* t = type_of(obj);
    if (!t->setattr) {
        if (t->getattr)
            raisef(ts, &exc_AttributeError, "'{}' object attribute '{}' is read-only",
                   type_name(obj), name->view());
        else
            raisef(ts, &exc_AttributeError, "'{}' object has no attribute '{}'", type_name(obj),
                   name->view());
        return false;
    }
    return t->setattr(ts, obj, name, v);
}

bool delattr(ThreadState& ts, Value obj, Str* name) {
    return setattr(ts, obj, name, Value::null());
}

bool get_method(ThreadState& ts, Value obj, Str* name, Value* method, Value* self) {
    Type* t = type_of(obj);
    if (t->getattr == generic_getattr) {
        Value descr = type_lookup(t, name);
        if (!descr.is_null()) {
            Type* dt = type_of(descr);
            if (dt == &function_type || dt == &method_descr_type) {
                bool shadowed = false;
                if (Dict** slot = instance_dict_slot(obj); slot && *slot)
                    shadowed = !dict_get_str(*slot, name).is_null();
                if (!shadowed && !(dt == &method_descr_type &&
                                   (descr.as<MethodDescr>()->def->flags & kMethClass))) {
                    *method = descr;
                    *self = obj;
                    return true;
                }
            }
        }
    }
    Value v = getattr(ts, obj, name);
    if (v.is_null()) return false;
    *method = v;
    *self = Value::null();
    return true;
}

// --- calls ---------------------------------------------------------------------------------

bool is_callable(Value v) {
    return type_of(v)->call != nullptr;
}

Value call(ThreadState& ts, Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
    Type* t = type_of(callable);
    if (t == &function_type)
        return call_function(ts, callable.as<Function>(), args, nargs, kwnames);
    if (!t->call)
        return raisef(ts, &exc_TypeError, "'{}' object is not callable", type_name(callable));
    return t->call(ts, callable, args, nargs, kwnames);
}

std::string function_str(ThreadState& ts, Value callable) {
    Rooted keep(ts, callable);
    Value qn = getattr_opt(ts, callable, names.__qualname__);
    if (qn.is_null() || !is_str(qn)) {
        if (ts.has_exc()) clear_exc(ts);
        Value s = str(ts, callable);
        if (s.is_null()) {
            clear_exc(ts);
            return "function";
        }
        return std::string(str_view(s));
    }
    Rooted kq(ts, qn);
    Value mod = getattr_opt(ts, callable, names.__module__);
    if (ts.has_exc()) clear_exc(ts);
    if (is_str(mod) && str_view(mod) != "builtins")
        return fmt::format("{}.{}()", str_view(mod), str_view(qn));
    return fmt::format("{}()", str_view(qn));
}

Value call0(ThreadState& ts, Value callable) {
    return call(ts, callable, nullptr, 0);
}
Value call1(ThreadState& ts, Value callable, Value a) {
    return call(ts, callable, &a, 1);
}
Value call2(ThreadState& ts, Value callable, Value a, Value b) {
    Value args[2] = {a, b};
    return call(ts, callable, args, 2);
}

Value call_method(ThreadState& ts, Value obj, Str* name, const Value* args, size_t nargs) {
    Value m, self;
    if (!get_method(ts, obj, name, &m, &self)) return Value::null();
    Rooted km(ts, m);
    if (self.is_null()) return call(ts, m, args, nargs);
    RootedVector buf(ts);
    buf.v.push_back(self);
    buf.v.insert(buf.v.end(), args, args + nargs);
    return call(ts, m, buf.v.data(), buf.v.size());
}

Value call_ex(ThreadState& ts, Value callable, Value args, Value kwargs) {
    RootedVector buf(ts);
    if (!args.is_null()) {
        if (is_tuple(args)) {
            Tuple* t = args.as<Tuple>();
            buf.v.assign(t->items, t->items + t->size);
        } else if (is_list(args)) {
            List* l = args.as<List>();
            buf.v.assign(l->items, l->items + l->size);
        } else if (!iterate_into(ts, args, buf.v)) {
            // CPython's check_args_iterable: a value that is no iterable at all.
            Type* at = type_of(args);
            if (exc_matches(ts, &exc_TypeError) && !at->iter && !at->getitem) {
                clear_exc(ts);
                return raisef(ts, &exc_TypeError, "{} argument after * must be an iterable, not {}",
                              function_str(ts, callable), type_name(args));
            }
            return Value::null();
        }
    }
    size_t npos = buf.v.size();
    Tuple* kwnames = nullptr;
    Rooted kn(ts);
    if (!kwargs.is_null() && is_dict(kwargs) && kwargs.as<Dict>()->used > 0) {
        Dict* d = kwargs.as<Dict>();
        kwnames = new_tuple(ts, d->used);
        if (!kwnames) return Value::null();
        kn = Value::from_ptr(kwnames);
        int64_t pos = 0, i = 0;
        Value k, v;
        while (dict_next(d, &pos, &k, &v)) {
            if (!is_str(k)) return raise(ts, &exc_TypeError, "keywords must be strings");
            kwnames->items[i++] = k;
            buf.v.push_back(v);
        }
    }
    (void)npos;
    return call(ts, callable, buf.v.data(), buf.v.size(), kwnames);
}

// --- iteration -----------------------------------------------------------------------------

Value get_iter(ThreadState& ts, Value v) {
    Type* t = type_of(v);
    if (t->iter) {
        Value it = t->iter(ts, v);
        if (it.is_null()) return it;
        if (!type_of(it)->next)
            return raisef(ts, &exc_TypeError, "iter() returned non-iterator of type '{}'",
                          type_name(it));
        return it;
    }
    if (t->getitem) return new_seq_iter(ts, &seq_iter_type, v);
    return raisef(ts, &exc_TypeError, "'{}' object is not iterable", type_name(v));
}

Value iter_next(ThreadState& ts, Value it) {
    Type* t = type_of(it);
    if (!t->next)
        return raisef(ts, &exc_TypeError, "'{}' object is not an iterator", type_name(it));
    Value v = t->next(ts, it);
    if (v.is_null() && ts.has_exc() && clear_if(ts, &exc_StopIteration)) return Value::null();
    return v;
}

bool iterate_into(ThreadState& ts, Value iterable, std::vector<Value>& out) {
    if (is_list(iterable)) {
        List* l = iterable.as<List>();
        out.insert(out.end(), l->items, l->items + l->size);
        return true;
    }
    if (is_tuple(iterable)) {
        Tuple* t = iterable.as<Tuple>();
        out.insert(out.end(), t->items, t->items + t->size);
        return true;
    }
    Rooted it(ts, get_iter(ts, iterable));
    if (it.get().is_null()) return false;
    size_t n = 0;
    for (;;) {
        Value v = iter_next(ts, it);
        if (v.is_null()) return !ts.has_exc();
        out.push_back(v);
        if ((++n & 4095) == 0 && !poll_long_loop(ts)) return false;
    }
}

int64_t length(ThreadState& ts, Value v) {
    Type* t = type_of(v);
    if (!t->len) {
        raisef(ts, &exc_TypeError, "object of type '{}' has no len()", type_name(v));
        return -1;
    }
    return t->len(ts, v);
}

int64_t length_hint(ThreadState& ts, Value v, int64_t dflt) {
    Type* t = type_of(v);
    if (t->len) {
        int64_t n = t->len(ts, v);
        if (n >= 0) return n;
        if (!exc_matches(ts, &exc_TypeError)) return -1;
        clear_exc(ts);
    }
    Value hint = type_lookup(t, names.__length_hint__);
    if (hint.is_null()) return dflt;
    Value r = call1(ts, hint, v);
    if (r.is_null()) return -1;
    if (is_not_implemented(r)) return dflt;
    if (!is_int(r)) {
        raisef(ts, &exc_TypeError, "__length_hint__ must be an integer, not {}", type_name(r));
        return -1;
    }
    int64_t n;
    if (!int_to_i64(ts, r, &n)) return -1;
    if (n < 0) {
        raise(ts, &exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

Value getitem(ThreadState& ts, Value obj, Value key) {
    Type* t = type_of(obj);
    if (t->getitem) return t->getitem(ts, obj, key);
    if (is_typeobj(obj)) {
        Value cg = type_lookup(obj.as<Type>(), names.__class_getitem__);
        if (!cg.is_null()) {
            if (is_type(cg, &classmethod_type)) cg = cg.as<ClassMethod>()->func;
            return call2(ts, cg, obj, key);
        }
        if (obj.as<Type>() == &list_type || obj.as<Type>() == &dict_type ||
            obj.as<Type>() == &tuple_type || obj.as<Type>() == &type_type ||
            obj.as<Type>() == &set_type || obj.as<Type>() == &frozenset_type) {
            // list[int]: a types.GenericAlias (Objects/genericaliasobject.c).
            Value types = import_module(ts, "types");
            if (types.is_null()) return types;
            Value ga = getattr(ts, types, intern_str(ts, "GenericAlias"));
            if (ga.is_null()) return ga;
            return call2(ts, ga, obj, key);
        }
        return raisef(ts, &exc_TypeError, "type '{}' is not subscriptable",
                      obj.as<Type>()->name_str->view());
    }
    return raisef(ts, &exc_TypeError, "'{}' object is not subscriptable", type_name(obj));
}

bool setitem(ThreadState& ts, Value obj, Value key, Value v) {
    Type* t = type_of(obj);
    if (!t->setitem) {
        raisef(ts, &exc_TypeError, "'{}' object does not support item assignment", type_name(obj));
        return false;
    }
    return t->setitem(ts, obj, key, v);
}

bool delitem(ThreadState& ts, Value obj, Value key) {
    Type* t = type_of(obj);
    if (!t->setitem) {
        raisef(ts, &exc_TypeError, "'{}' object doesn't support item deletion", type_name(obj));
        return false;
    }
    return t->setitem(ts, obj, key, Value::null());
}

int contains(ThreadState& ts, Value container, Value item) {
    Type* t = type_of(container);
    if (t->contains) return t->contains(ts, container, item);
    Rooted it(ts, get_iter(ts, container));
    if (it.get().is_null()) {
        if (exc_matches(ts, &exc_TypeError)) {
            clear_exc(ts);
            raisef(ts, &exc_TypeError, "argument of type '{}' is not iterable",
                   type_name(container));
        }
        return -1;
    }
    for (;;) {
        Value v = iter_next(ts, it);
        if (v.is_null()) return ts.has_exc() ? -1 : 0;
        int r = richcompare_bool(ts, v, item, CompareOp::eq);
        if (r != 0) return r;
    }
}

// --- types -----------------------------------------------------------------------------------

int isinstance(ThreadState& ts, Value obj, Value cls) {
    if (is_typeobj(cls)) {
        Type* c = cls.as<Type>();
        if (isinstance_fast(obj, c)) return 1;
        Type* meta = type_of(cls);
        if (meta != &type_type) {
            Value hook = type_lookup(meta, names.__instancecheck__);
            if (!hook.is_null() && !is_type(hook, &method_descr_type)) {
                Value r = call2(ts, hook, cls, obj);
                return r.is_null() ? -1 : truthy(ts, r);
            }
        }
        // obj.__class__ may differ from type(obj) (proxies): CPython checks it too.
        return 0;
    }
    if (is_tuple(cls)) {
        Tuple* t = cls.as<Tuple>();
        for (int64_t i = 0; i < t->size; ++i) {
            int r = isinstance(ts, obj, t->items[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    Value hook = getattr_opt(ts, cls, names.__instancecheck__);
    if (!hook.is_null()) {
        Value r = call1(ts, hook, obj);
        return r.is_null() ? -1 : truthy(ts, r);
    }
    if (ts.has_exc()) return -1;
    raise(ts, &exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int issubclass(ThreadState& ts, Value cls, Value base) {
    if (is_tuple(base)) {
        Tuple* t = base.as<Tuple>();
        for (int64_t i = 0; i < t->size; ++i) {
            int r = issubclass(ts, cls, t->items[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    if (is_typeobj(base)) {
        // A metaclass's own __subclasscheck__ answers (abc.ABCMeta: registered virtual
        // subclasses, __subclasshook__), as CPython's PyObject_IsSubclass asks it.
        Type* meta = type_of(base);
        if (meta != &type_type) {
            Value hook = type_lookup(meta, intern_str(ts, "__subclasscheck__"));
            if (!hook.is_null() && !is_type(hook, &method_descr_type)) {
                Value r = call2(ts, hook, base, cls);
                return r.is_null() ? -1 : truthy(ts, r);
            }
        }
    }
    if (!is_typeobj(base)) {
        // A non-class second argument may answer for itself (types.GenericAlias refuses).
        Value hook = getattr_opt(ts, base, intern_str(ts, "__subclasscheck__"));
        if (!hook.is_null()) {
            Value r = call1(ts, hook, cls);
            return r.is_null() ? -1 : truthy(ts, r);
        }
        if (ts.has_exc()) return -1;
    }
    if (!is_typeobj(cls)) {
        raise(ts, &exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (!is_typeobj(base)) {
        raise(ts, &exc_TypeError,
              "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return is_subtype(cls.as<Type>(), base.as<Type>());
}

}  // namespace interleave::python
