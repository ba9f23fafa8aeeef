// Classes made by `class` statements (CPython's type_new) and the slots that route the VM's
// operations to their dunder methods (CPython's slot_* functions in typeobject.c).
#include <cstring>

#include "python/objects/api.hpp"
#include "python/objects/type_setup.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

bool compute_mro(ThreadState* ts, Heap& h, Type* t);

namespace {

// A class body's __slots__ as its names: a str is one name, anything else is iterated (as
// CPython 3.11's type_new_slots). false: the iteration raised.
bool slot_names(ThreadState& ts, Value slots, std::vector<Value>& out) {
    if (!is_str(slots)) return iterate_into(ts, slots, out);
    out.push_back(slots);
    return true;
}

Type* solid_base(Type* t) {
    while (t->tflags & kTypeHeap) t = t->base;
    return t;
}

void heap_trace(Object* o, GcVisitor& v) {
    Type* t = o->type;
    Type* s = solid_base(t);
    if (s->trace) s->trace(o, v);
    if (t->dict_offset && t->dict_offset != s->dict_offset) v.visit(*object_dict_slot(o));
}

void heap_finalize(Object* o, Heap& h) {
    Type* s = solid_base(o->type);
    if (s->finalize) s->finalize(o, h);
}

// Calls type(self).<name>(self, args...) if the class defines it; *found tells whether it did.
Value call_special(ThreadState& ts, Value self, Str* name, const Value* args, size_t n,
                   bool* found) {
    Value f = type_lookup(type_of(self), name);
    if (f.is_null()) {
        *found = false;
        return Value::null();
    }
    *found = true;
    Value buf[4];
    buf[0] = self;
    for (size_t i = 0; i < n; ++i) buf[i + 1] = args[i];
    if (is_type(f, &function_type) || is_type(f, &method_descr_type))
        return call(ts, f, buf, n + 1);
    DescrGetFn g = type_of(f)->descr_get;
    if (!g) return call(ts, f, args, n);
    Rooted bound(ts, g(ts, f, self, Value::from_ptr(type_of(self))));
    if (bound.get().is_null()) return Value::null();
    return call(ts, bound, args, n);
}

Value call_special0(ThreadState& ts, Value self, Str* name) {
    bool found;
    Value r = call_special(ts, self, name, nullptr, 0, &found);
    if (!found)
        return raisef(ts, &exc_TypeError, "'{}' object has no method '{}'", type_name(self),
                      name->view());
    return r;
}

Value slot_repr(ThreadState& ts, Value self) {
    return call_special0(ts, self, names.__repr__);
}
Value slot_str(ThreadState& ts, Value self) {
    return call_special0(ts, self, names.__str__);
}
bool slot_hash(ThreadState& ts, Value self, int64_t* out) {
    Value r = call_special0(ts, self, names.__hash__);
    if (r.is_null()) return false;
    if (!is_int(r)) {
        raise(ts, &exc_TypeError, "__hash__ method should return an integer");
        return false;
    }
    if (r.is_small()) {
        *out = r.as_small() == -1 ? -2 : r.as_small();
        return true;
    }
    return hash(ts, r, out);
}

Str* cmp_name(CompareOp op) {
    switch (op) {
        case CompareOp::lt:
            return names.__lt__;
        case CompareOp::le:
            return names.__le__;
        case CompareOp::eq:
            return names.__eq__;
        case CompareOp::ne:
            return names.__ne__;
        case CompareOp::gt:
            return names.__gt__;
        default:
            return names.__ge__;
    }
}
Value slot_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    bool found;
    Value r = call_special(ts, a, cmp_name(op), &b, 1, &found);
    if (!found) return not_implemented();
    return r;
}
Value slot_iter(ThreadState& ts, Value self) {
    Value f = type_lookup(type_of(self), names.__iter__);
    if (f.is_none())
        return raisef(ts, &exc_TypeError, "'{}' object is not iterable", type_name(self));
    return call_special0(ts, self, names.__iter__);
}
Value slot_next(ThreadState& ts, Value self) {
    Value r = call_special0(ts, self, names.__next__);
    if (r.is_null() && clear_if(ts, &exc_StopIteration)) return Value::null();
    return r;
}
Value slot_call(ThreadState& ts, Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
    Value f = type_lookup(type_of(callable), names.__call__);
    if (f.is_null())
        return raisef(ts, &exc_TypeError, "'{}' object is not callable", type_name(callable));
    RootedVector buf(ts);
    buf.v.reserve(nargs + 1);
    buf.v.push_back(callable);
    buf.v.insert(buf.v.end(), args, args + nargs);
    if (is_type(f, &function_type)) return call(ts, f, buf.v.data(), nargs + 1, kwnames);
    DescrGetFn g = type_of(f)->descr_get;
    if (!g) return call(ts, f, args, nargs, kwnames);
    Rooted bound(ts, g(ts, f, callable, Value::from_ptr(type_of(callable))));
    if (bound.get().is_null()) return Value::null();
    return call(ts, bound, args, nargs, kwnames);
}
Value slot_getattr_hook(ThreadState& ts, Value obj, Str* name) {
    Type* t = type_of(obj);
    Value getattribute = type_lookup(t, names.__getattribute__);
    Value r;
    Value nv = Value::from_ptr(name);
    if (getattribute.is_null() || is_type(getattribute, &slot_wrapper_type)) {
        r = generic_getattr(ts, obj, name);
    } else {
        bool found;
        r = call_special(ts, obj, names.__getattribute__, &nv, 1, &found);
    }
    if (!r.is_null() || !exc_matches(ts, &exc_AttributeError)) return r;
    Value ga = type_lookup(t, names.__getattr__);
    if (ga.is_null()) return r;
    clear_exc(ts);
    bool found;
    return call_special(ts, obj, names.__getattr__, &nv, 1, &found);
}
bool slot_setattr(ThreadState& ts, Value obj, Str* name, Value v) {
    bool found;
    Value args[2] = {Value::from_ptr(name), v};
    Value r = v.is_null() ? call_special(ts, obj, names.__delattr__, args, 1, &found)
                          : call_special(ts, obj, names.__setattr__, args, 2, &found);
    if (!found) return generic_setattr(ts, obj, name, v);
    return !r.is_null();
}
Value slot_descr_get(ThreadState& ts, Value descr, Value obj, Value type) {
    bool found;
    Value args[2] = {obj.is_null() ? Value::none() : obj, type.is_null() ? Value::none() : type};
    Value r = call_special(ts, descr, names.__get__, args, 2, &found);
    return found ? r : descr;
}
bool slot_descr_set(ThreadState& ts, Value descr, Value obj, Value v) {
    bool found;
    Value args[2] = {obj, v};
    Value r = v.is_null() ? call_special(ts, descr, names.__delete__, args, 1, &found)
                          : call_special(ts, descr, names.__set__, args, 2, &found);
    if (!found) {
        raisef(ts, &exc_AttributeError, "__{}__", v.is_null() ? "delete" : "set");
        return false;
    }
    return !r.is_null();
}
int64_t slot_len(ThreadState& ts, Value self) {
    Value r = call_special0(ts, self, names.__len__);
    if (r.is_null()) return -1;
    if (!is_int(r)) {
        raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(r));
        return -1;
    }
    int64_t n;
    if (!int_to_i64(ts, r, &n)) return -1;
    if (n < 0) {
        raise(ts, &exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}
Value slot_getitem(ThreadState& ts, Value self, Value key) {
    bool found;
    Value r = call_special(ts, self, names.__getitem__, &key, 1, &found);
    if (!found)
        return raisef(ts, &exc_TypeError, "'{}' object is not subscriptable", type_name(self));
    return r;
}
bool slot_setitem(ThreadState& ts, Value self, Value key, Value v) {
    bool found;
    Value args[2] = {key, v};
    Value r = v.is_null() ? call_special(ts, self, names.__delitem__, args, 1, &found)
                          : call_special(ts, self, names.__setitem__, args, 2, &found);
    if (!found) {
        if (v.is_null())
            raisef(ts, &exc_TypeError, "'{}' object doesn't support item deletion",
                   type_name(self));
        else
            raisef(ts, &exc_TypeError, "'{}' object does not support item assignment",
                   type_name(self));
        return false;
    }
    return !r.is_null();
}
int slot_contains(ThreadState& ts, Value self, Value item) {
    bool found;
    Value r = call_special(ts, self, names.__contains__, &item, 1, &found);
    if (!found) {
        // Fall back to iteration (as CPython's _PySequence_IterSearch).
        Rooted it(ts, get_iter(ts, self));
        if (it.get().is_null()) return -1;
        for (;;) {
            Value v = iter_next(ts, it);
            if (v.is_null()) return ts.has_exc() ? -1 : 0;
            int c = richcompare_bool(ts, v, item, CompareOp::eq);
            if (c != 0) return c;
        }
    }
    if (r.is_null()) return -1;
    return truthy(ts, r);
}
int slot_bool(ThreadState& ts, Value self) {
    bool found;
    Value r = call_special(ts, self, names.__bool__, nullptr, 0, &found);
    if (found) {
        if (r.is_null()) return -1;
        if (!r.is_bool()) {
            raisef(ts, &exc_TypeError, "__bool__ should return bool, returned {}", type_name(r));
            return -1;
        }
        return r.is_true();
    }
    r = call_special(ts, self, names.__len__, nullptr, 0, &found);
    if (!found) return 1;
    if (r.is_null()) return -1;
    int64_t n;
    if (!int_to_i64(ts, r, &n)) return -1;
    return n != 0;
}
Value slot_new(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
    Value f = type_lookup(type, names.__new__);
    if (is_type(f, &staticmethod_type)) f = f.as<StaticMethod>()->func;
    RootedVector buf(ts);
    buf.v.push_back(Value::from_ptr(type));
    buf.v.insert(buf.v.end(), args, args + nargs);
    return call(ts, f, buf.v.data(), nargs + 1, kwnames);
}
bool slot_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
    Value f = type_lookup(type_of(self), names.__init__);
    RootedVector buf(ts);
    buf.v.push_back(self);
    buf.v.insert(buf.v.end(), args, args + nargs);
    Value r = call(ts, f, buf.v.data(), nargs + 1, kwnames);
    if (r.is_null()) return false;
    if (!r.is_none()) {
        raisef(ts, &exc_TypeError, "__init__() should return None, not '{}'", type_name(r));
        return false;
    }
    return true;
}

struct BinNames {
    const char* op;
    const char* rop;
    const char* iop;
};
constexpr BinNames kBinNames[] = {
    {"__add__", "__radd__", "__iadd__"},
    {"__and__", "__rand__", "__iand__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"},
    {"__mul__", "__rmul__", "__imul__"},
    {"__mod__", "__rmod__", "__imod__"},
    {"__or__", "__ror__", "__ior__"},
    {"__pow__", "__rpow__", "__ipow__"},
    {"__rshift__", "__rrshift__", "__irshift__"},
    {"__sub__", "__rsub__", "__isub__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__xor__", "__rxor__", "__ixor__"},
};

// One trampoline per operator (the operator index is a template argument).
template <int Op>
Value slot_binary(ThreadState& ts, Value a, Value b) {
    Str* op = find_static_name(kBinNames[Op].op);
    Str* rop = find_static_name(kBinNames[Op].rop);
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    bool a_has = ta->num.binary[Op] == &slot_binary<Op>;
    bool b_has = tb != ta && tb->num.binary[Op] == &slot_binary<Op>;
    bool found;
    if (a_has) {
        if (b_has && is_subtype(tb, ta)) {
            Value r = call_special(ts, b, rop, &a, 1, &found);
            if (found && !is_not_implemented(r)) return r;
            b_has = false;
        }
        Value r = call_special(ts, a, op, &b, 1, &found);
        if (found && !is_not_implemented(r)) return r;
        if (found && r.is_null()) return r;
    }
    if (b_has || (!a_has && tb->num.binary[Op] == &slot_binary<Op>)) {
        Value r = call_special(ts, b, rop, &a, 1, &found);
        if (found) return r;
    }
    return not_implemented();
}
template <int Op>
Value slot_inplace(ThreadState& ts, Value a, Value b) {
    Str* iop = find_static_name(kBinNames[Op].iop);
    bool found;
    Value r = call_special(ts, a, iop, &b, 1, &found);
    return found ? r : not_implemented();
}

template <int... Ops>
struct BinTable {
    static constexpr BinaryFn binary[] = {&slot_binary<Ops>...};
    static constexpr BinaryFn inplace[] = {&slot_inplace<Ops>...};
};
using Bins = BinTable<0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12>;

Value slot_neg(ThreadState& ts, Value v) {
    return call_special0(ts, v, names.__neg__);
}
Value slot_pos(ThreadState& ts, Value v) {
    return call_special0(ts, v, names.__pos__);
}
Value slot_invert(ThreadState& ts, Value v) {
    return call_special0(ts, v, names.__invert__);
}
Value slot_abs(ThreadState& ts, Value v) {
    return call_special0(ts, v, names.__abs__);
}
Value slot_index(ThreadState& ts, Value v) {
    return call_special0(ts, v, names.__index__);
}
Value slot_int(ThreadState& ts, Value v) {
    return call_special0(ts, v, names.__int__);
}
Value slot_float(ThreadState& ts, Value v) {
    return call_special0(ts, v, names.__float__);
}

// The attribute `name` as the class sees it, if a class (not a builtin) defines it.
bool defined_in_python(Type* t, Str* name, Value* out = nullptr) {
    Value v = type_lookup(t, name);
    if (out) *out = v;
    if (v.is_null()) return false;
    // object.__new__ is a staticmethod around a slot wrapper: still the builtin slot.
    if (is_type(v, &staticmethod_type) && is_type(v.as<StaticMethod>()->func, &slot_wrapper_type))
        return false;
    return !is_type(v, &slot_wrapper_type);
}

}  // namespace

void fixup_heap_type_slots(Type* t) {
    Type* base = t->base;
    auto pick = [&](auto base_slot, auto tramp, Str* name) {
        return defined_in_python(t, name) ? tramp : base_slot;
    };
    t->repr = pick(base->repr, &slot_repr, names.__repr__);
    t->str = pick(base->str, &slot_str, names.__str__);
    Value h = type_lookup(t, names.__hash__);
    t->hash = h.is_none() ? &hash_not_implemented : pick(base->hash, &slot_hash, names.__hash__);
    bool cmp = false;
    for (Str* n :
         {names.__eq__, names.__ne__, names.__lt__, names.__le__, names.__gt__, names.__ge__})
        cmp |= defined_in_python(t, n);
    t->richcompare = cmp ? &slot_richcompare : base->richcompare;
    t->iter = pick(base->iter, &slot_iter, names.__iter__);
    t->next = pick(base->next, &slot_next, names.__next__);
    t->call = pick(base->call, &slot_call, names.__call__);
    bool ga =
        defined_in_python(t, names.__getattr__) || defined_in_python(t, names.__getattribute__);
    t->getattr = ga ? &slot_getattr_hook : base->getattr;
    bool sa = defined_in_python(t, names.__setattr__) || defined_in_python(t, names.__delattr__);
    t->setattr = sa ? &slot_setattr : base->setattr;
    t->descr_get = pick(base->descr_get, &slot_descr_get, names.__get__);
    bool ds = defined_in_python(t, names.__set__) || defined_in_python(t, names.__delete__);
    t->descr_set = ds ? &slot_descr_set : base->descr_set;
    t->len = pick(base->len, &slot_len, names.__len__);
    t->getitem = pick(base->getitem, &slot_getitem, names.__getitem__);
    bool si = defined_in_python(t, names.__setitem__) || defined_in_python(t, names.__delitem__);
    t->setitem = si ? &slot_setitem : base->setitem;
    t->contains = pick(base->contains, &slot_contains, names.__contains__);
    bool bl = defined_in_python(t, names.__bool__) || defined_in_python(t, names.__len__);
    t->bool_ = bl ? &slot_bool : base->bool_;
    t->new_ = pick(base->new_, &slot_new, names.__new__);
    t->init = pick(base->init, &slot_init, names.__init__);
    for (int i = 0; i < int(BinaryOp::count_); ++i) {
        Str* op = find_static_name(kBinNames[i].op);
        Str* rop = find_static_name(kBinNames[i].rop);
        Str* iop = find_static_name(kBinNames[i].iop);
        bool has = (op && defined_in_python(t, op)) || (rop && defined_in_python(t, rop));
        t->num.binary[i] = has ? Bins::binary[i] : base->num.binary[i];
        t->num.inplace[i] =
            (iop && defined_in_python(t, iop)) ? Bins::inplace[i] : base->num.inplace[i];
    }
    t->num.neg = pick(base->num.neg, &slot_neg, names.__neg__);
    t->num.pos = pick(base->num.pos, &slot_pos, names.__pos__);
    t->num.invert = pick(base->num.invert, &slot_invert, names.__invert__);
    t->num.abs = pick(base->num.abs, &slot_abs, names.__abs__);
    t->num.index = pick(base->num.index, &slot_index, names.__index__);
    t->num.to_int = pick(base->num.to_int, &slot_int, names.__int__);
    t->num.to_float = pick(base->num.to_float, &slot_float, names.__float__);
}

Value make_class(ThreadState& ts, Type* meta, Str* name, Tuple* bases, Dict* ns,
                 const Value* kwargs, Tuple* kwnames) {
    Rooted keep_ns(ts, Value::from_ptr(ns)), keep_bases(ts, Value::from_ptr(bases));
    if (bases->size == 0) {
        bases = new_tuple(ts, 1);
        if (!bases) return Value::null();
        bases->items[0] = Value::from_ptr(&object_type);
        keep_bases = Value::from_ptr(bases);
    }
    Type* best = nullptr;
    for (int64_t i = 0; i < bases->size; ++i) {
        Value b = bases->items[i];
        if (!is_typeobj(b)) return raisef(ts, &exc_TypeError, "bases must be types");
        Type* bt = b.as<Type>();
        if (!(bt->tflags & kTypeBaseType))
            return raisef(ts, &exc_TypeError, "type '{}' is not an acceptable base type",
                          bt->name_str->view());
        Type* s = solid_base(bt);
        if (!best || (s != &object_type && is_subtype(s, solid_base(best)))) best = bt;
    }
    Type* t = ts.heap.make<Type>(meta, std::max<size_t>(sizeof(Type), meta->instance_size));
    if (!t) return raise_memory_error(ts);
    Rooted keep_t(ts, Value::from_ptr(t));
    t->name_str = name;
    t->name = name->data;
    t->base = best;
    t->bases = bases;
    t->tflags =
        kTypeHeap | kTypeBaseType | kTypeReady |
        (best->tflags & (kTypeException | kTypeIntSub | kTypeStrSub | kTypeTupleSub | kTypeListSub |
                         kTypeDictSub | kTypeTypeSub | kTypeHasFinalize | kTypeBytesSub));
    t->dict = dict_copy(ts, ns);
    if (!t->dict) return Value::null();
    Value qn = dict_get_str(t->dict, names.__qualname__);
    if (is_str(qn)) {
        t->qualname = qn.as<Str>();
        dict_del(ts, t->dict, Value::from_ptr(names.__qualname__));
    } else {
        t->qualname = name;
    }
    if (dict_get_str(t->dict, names.__module__).is_null() && ts.frame) {
        Value mn = dict_get_str(ts.frame->globals, names.__name__);
        if (!mn.is_null() && !dict_set_str(ts, t->dict, names.__module__, mn)) return Value::null();
    }
    if (dict_get_str(t->dict, names.__doc__).is_null() &&
        !dict_set_str(ts, t->dict, names.__doc__, Value::none()))
        return Value::null();
    if (!dict_get_str(t->dict, names.__eq__).is_null() &&
        dict_get_str(t->dict, names.__hash__).is_null() &&
        !dict_set_str(ts, t->dict, names.__hash__, Value::none()))
        return Value::null();
    // Layout: the solid base's, plus a __dict__ pointer if it has none.
    Type* s = solid_base(best);
    if (best->dict_offset) {
        t->dict_offset = best->dict_offset;
        t->instance_size = best->instance_size;
    } else {
        t->dict_offset = (best->instance_size + 7u) & ~7u;
        t->instance_size = t->dict_offset + uint32_t(sizeof(Dict*));
    }
    if (s == &tuple_type || s == &str_type || s == &bytes_type) {
        // Variable-size bases keep their layout; the instance's __dict__ follows its items.
        t->dict_offset = kDictAfterItems;
        t->instance_size = best->instance_size;
    }
    // Variable-size instances (int, bytes, tuple) have no room for slots after their items,
    // not even '__dict__' (as CPython 3.11's type_new_slots_impl).
    if (s == &int_type || s == &bytes_type || s == &tuple_type) {
        Value own = dict_get_str(t->dict, names.__slots__);
        if (!own.is_null()) {
            RootedVector items(ts);
            if (!slot_names(ts, own, items.v)) return Value::null();
            if (!items.v.empty())
                return raisef(ts, &exc_TypeError,
                              "nonempty __slots__ not supported for subtype of '{}'", best->name);
        }
    }
    if (!compute_mro(&ts, ts.heap, t)) return Value::null();
    // __slots__ without '__dict__' here and in every class above (up to the builtin base, when
    // its instances have no __dict__ either): instances take only the slot names as attributes.
    {
        bool slots_only = true;
        for (int64_t i = 0; i < t->mro->size && slots_only; ++i) {
            Type* c = t->mro->items[i].as<Type>();
            if (!(c->tflags & kTypeHeap)) {
                if (c->dict_offset == 0) continue;  // object, tuple, str, int, list, ...
                slots_only = false;
                break;
            }
            Value sl = dict_get_str(c->dict, names.__slots__);
            if (sl.is_null()) {
                slots_only = false;
                break;
            }
            RootedVector items(ts);
            if (!slot_names(ts, sl, items.v)) return Value::null();
            for (Value it : items.v)
                if (is_str(it) && str_view(it) == "__dict__") slots_only = false;
        }
        if (slots_only) t->tflags |= kTypeSlotsOnly;
    }
    // Start from the solid base's slots, then route dunders defined in Python.
    ReprFn keep_fields[1] = {nullptr};
    (void)keep_fields;
    std::memcpy(static_cast<void*>(&t->num), &best->num, sizeof(NumberSlots));
    t->repr = best->repr;
    t->getattr = best->getattr;
    t->setattr = best->setattr;
    t->trace = heap_trace;
    t->finalize = s->finalize ? heap_finalize : nullptr;
    t->def = best->def;
    fixup_heap_type_slots(t);
    // __set_name__ on descriptors, then __init_subclass__ of the parent (PEP 487).
    int64_t pos = 0;
    Value k, v;
    while (dict_next(t->dict, &pos, &k, &v)) {
        Value sn = type_lookup(type_of(v), names.__set_name__);
        if (sn.is_null()) continue;
        Value args[3] = {v, Value::from_ptr(t), k};
        if (call(ts, sn, args, 3).is_null()) return Value::null();
    }
    for (int64_t i = 1; i < t->mro->size; ++i) {
        Value f = dict_get_str(t->mro->items[i].as<Type>()->dict, names.__init_subclass__);
        if (f.is_null()) continue;
        Value fn = f;
        if (is_type(f, &classmethod_type)) fn = f.as<ClassMethod>()->func;
        RootedVector buf(ts);
        buf.v.push_back(Value::from_ptr(t));
        size_t nkw = kwnames ? size_t(kwnames->size) : 0;
        for (size_t j = 0; j < nkw; ++j) buf.v.push_back(kwargs[j]);
        if (call(ts, fn, buf.v.data(), buf.v.size(), nkw ? kwnames : nullptr).is_null())
            return Value::null();
        break;
    }
    return Value::from_ptr(t);
}

}  // namespace interleave::python
