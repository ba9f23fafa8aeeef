// object, NoneType, NotImplementedType, ellipsis; generic attribute access (CPython's
// PyObject_GenericGetAttr/SetAttr); finishing the builtin types (slot wrappers, MROs).
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <vector>

#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/type_setup.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

bool compute_mro(ThreadState* ts, Heap& h, Type* t);
void setup_type_type(TypeBuilder& b);

namespace {

size_t align8(size_t n) {
    return (n + 7u) & ~size_t(7);
}

// Where the items of a str, bytes or tuple (or an instance of a class over one) end: past
// the struct itself at least, since a short one's items sit inside its fixed array.
size_t items_end(const Object* o) {
    uint32_t f = o->type->tflags;
    size_t end = 0;
    if (f & kTypeStrSub) {
        end = std::max(sizeof(Str),
                       offsetof(Str, data) + size_t(static_cast<const Str*>(o)->nbytes) + 1);
    } else if (f & kTypeBytesSub) {
        const auto* b = static_cast<const Bytes*>(o);
        end = std::max(sizeof(Bytes), offsetof(Bytes, data) + size_t(b->size) + 1);
    } else {
        const auto* t = static_cast<const Tuple*>(o);
        end = std::max(sizeof(Tuple), offsetof(Tuple, items) + sizeof(Value) * size_t(t->size));
    }
    return align8(end);
}

}  // namespace

size_t var_instance_size(const Type* type, size_t items_end) {
    if (type->dict_offset != kDictAfterItems) return items_end;
    return align8(items_end) + sizeof(Dict*);
}

Dict** object_dict_slot(Object* o) {
    uint32_t off = o->type->dict_offset;
    if (!off) return nullptr;
    if (off == kDictAfterItems)
        return reinterpret_cast<Dict**>(reinterpret_cast<char*>(o) + items_end(o));
    return reinterpret_cast<Dict**>(reinterpret_cast<char*>(o) + off);
}

Dict** instance_dict_slot(Value v) {
    if (!v.is_ptr()) return nullptr;
    return object_dict_slot(v.as_ptr());
}

Dict* instance_dict(ThreadState& ts, Value v) {
    Dict** slot = instance_dict_slot(v);
    if (!slot) return nullptr;
    if (!*slot) *slot = new_dict(ts);
    return *slot;
}

Value generic_getattr_opt(ThreadState& ts, Value obj, Str* name) {
    Type* t = type_of(obj);
    Value descr = type_lookup(t, name);
    DescrGetFn get = nullptr;
    if (!descr.is_null()) {
        Type* dt = type_of(descr);
        get = dt->descr_get;
        if (get && dt->descr_set) return get(ts, descr, obj, Value::from_ptr(t));
    }
    if (Dict** slot = instance_dict_slot(obj); slot && *slot) {
        Value v = dict_get_str(*slot, name);
        if (!v.is_null()) return v;
    }
    if (get) return get(ts, descr, obj, Value::from_ptr(t));
    if (descr.is_null() && !(t->tflags & kTypeSlotsOnly) &&
        (name == names.__dict__ || str_eq(name, names.__dict__))) {
        // Instances of classes: __dict__ is the instance dict (CPython's subtype_dict).
        Dict* d = instance_dict(ts, obj);
        if (d) return Value::from_ptr(d);
    }
    return descr;  // null when absent (no exception)
}

Value generic_getattr(ThreadState& ts, Value obj, Str* name) {
    Value v = generic_getattr_opt(ts, obj, name);
    if (v.is_null() && !ts.has_exc()) return raise_no_attribute(ts, obj, name);
    return v;
}

// A class with __slots__ all the way up: only the slot names are instance attributes (their
// values live in the instance dict here, which programs cannot reach).
bool slot_allowed(ThreadState& ts, Type* t, Str* name) {
    for (int64_t i = 0; t->mro && i < t->mro->size; ++i) {
        Type* c = t->mro->items[i].as<Type>();
        if (!(c->tflags & kTypeHeap)) continue;
        Value slots = dict_get_str(c->dict, names.__slots__);
        if (slots.is_null()) continue;
        if (is_str(slots)) {
            if (str_eq(slots.as<Str>(), name)) return true;
            continue;
        }
        if (is_tuple(slots) || is_list(slots)) {
            const Value* items =
                is_tuple(slots) ? slots.as<Tuple>()->items : slots.as<List>()->items;
            int64_t n = is_tuple(slots) ? slots.as<Tuple>()->size : slots.as<List>()->size;
            for (int64_t k = 0; k < n; ++k)
                if (is_str(items[k]) && str_eq(items[k].as<Str>(), name)) return true;
        }
    }
    (void)ts;
    return false;
}

bool generic_setattr(ThreadState& ts, Value obj, Str* name, Value v) {
    Type* t = type_of(obj);
    Value descr = type_lookup(t, name);
    if (!descr.is_null()) {
        DescrSetFn set = type_of(descr)->descr_set;
        if (set) return set(ts, descr, obj, v);
    }
    if ((t->tflags & kTypeSlotsOnly) && !slot_allowed(ts, t, name)) {
        if (!descr.is_null())
            raisef(ts, &exc_AttributeError, "'{}' object attribute '{}' is read-only",
                   t->name_str->view(), name->view());
        else
            raisef(ts, &exc_AttributeError, "'{}' object has no attribute '{}'",
                   t->name_str->view(), name->view());
        return false;
    }
    if (descr.is_null() && !(t->tflags & kTypeSlotsOnly) &&
        (name == names.__dict__ || str_eq(name, names.__dict__))) {
        // Instances of classes: assigning __dict__ replaces the instance dict (CPython's
        // subtype_setdict), as reading it gives that dict (generic_getattr_opt).
        if (Dict** slot = instance_dict_slot(obj)) {
            if (v.is_null()) {  // del obj.__dict__: a fresh empty dict from now on
                *slot = nullptr;
                return true;
            }
            if (!is_dict(v)) {
                raisef(ts, &exc_TypeError, "__dict__ must be set to a dictionary, not a '{}'",
                       type_name(v));
                return false;
            }
            *slot = v.as<Dict>();
            return true;
        }
    }
    Dict* d = nullptr;
    if (Dict** slot = instance_dict_slot(obj)) {
        if (!*slot && !v.is_null()) *slot = new_dict(ts);
        d = *slot;
        if (!d && !v.is_null()) return false;
    } else {
        if (!descr.is_null() || t->tflags & kTypeHeap)
            raisef(ts, &exc_AttributeError, "'{}' object attribute '{}' is read-only",
                   t->name_str->view(), name->view());
        else
            raisef(ts, &exc_AttributeError, "'{}' object has no attribute '{}'",
                   t->name_str->view(), name->view());
        return false;
    }
    if (v.is_null()) {
        int r = d ? dict_del(ts, d, Value::from_ptr(name)) : 0;
        if (r < 0) return false;
        if (r == 0) {
            raise_no_attribute(ts, obj, name);
            return false;
        }
        return true;
    }
    return dict_set_str(ts, d, name, v);
}

namespace {

Value object_new(ThreadState& ts, Type* type, const Value*, size_t nargs, Tuple*) {
    if (nargs > 0 && (type->init == object_type.init || !type->init)) {
        return raisef(ts, &exc_TypeError, "{}() takes no arguments", type->name_str->view());
    }
    if (type->tflags & kTypeAbstract)
        return raisef(ts, &exc_TypeError, "Can't instantiate abstract class {}",
                      type->name_str->view());
    Object* o = ts.heap.alloc(type, type->instance_size ? type->instance_size : sizeof(Object));
    if (!o) return raise_memory_error(ts);
    return Value::from_ptr(o);
}

bool object_init(ThreadState& ts, Value self, const Value*, size_t nargs, Tuple*) {
    Type* t = type_of(self);
    if (nargs > 0 && t->init == object_type.init) {
        // Reached only when __new__ is overridden (else object_new complained first).
        if (t->new_ == object_type.new_) {
            raisef(ts, &exc_TypeError, "{}() takes no arguments", t->name_str->view());
            return false;
        }
    }
    return true;
}

Value object_repr(ThreadState& ts, Value self) {
    Type* t = type_of(self);
    Value mod = (t->tflags & kTypeHeap) ? dict_get_str(t->dict, names.__module__) : Value::null();
    std::string qn(t->qualname ? t->qualname->view() : t->name_str->view());
    std::string prefix;
    if (is_str(mod) && str_view(mod) != "builtins")
        prefix = std::string(str_view(mod)) + ".";
    else if (!(t->tflags & kTypeHeap))
        qn = t->name;
    return str_value(ts, fmt::format("<{}{} object at {:#x}>", prefix, qn, object_id(self)));
}

Value object_str(ThreadState& ts, Value self) {
    Type* t = type_of(self);
    if (t->repr) return t->repr(ts, self);
    return object_repr(ts, self);
}

bool object_hash(ThreadState&, Value self, int64_t* out) {
    // CPython: the id rotated by 4 bits.
    uint64_t id = object_id(self);
    *out = int64_t((id >> 4) | (id << 60));
    if (*out == -1) *out = -2;
    return true;
}

Value object_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (op == CompareOp::eq) return a == b ? Value::true_() : not_implemented();
    if (op == CompareOp::ne) {
        // __ne__ inverts __eq__ unless that is NotImplemented.
        Type* t = type_of(a);
        if (t->richcompare && t->richcompare != object_type.richcompare) {
            Value r = t->richcompare(ts, a, b, CompareOp::eq);
            if (r.is_null() || is_not_implemented(r)) return r;
            int v = truthy(ts, r);
            if (v < 0) return Value::null();
            return Value::boolean(!v);
        }
        return a == b ? Value::false_() : not_implemented();
    }
    return not_implemented();
}

Value obj_class(ThreadState&, Value self) {
    return Value::from_ptr(type_of(self));
}
bool obj_set_class(ThreadState& ts, Value self, Value v) {
    if (!is_typeobj(v) || !self.is_ptr()) {
        raise(ts, &exc_TypeError, "__class__ must be set to a class");
        return false;
    }
    Type* nt = v.as<Type>();
    Type* ot = self.as_ptr()->type;
    if (nt->instance_size != ot->instance_size || nt->dict_offset != ot->dict_offset) {
        raisef(ts, &exc_TypeError, "__class__ assignment: '{}' object layout differs from '{}'",
               nt->name_str->view(), ot->name_str->view());
        return false;
    }
    self.as_ptr()->type = nt;
    return true;
}
Value obj_dict(ThreadState& ts, Value self) {
    Dict* d = instance_dict(ts, self);
    if (!d) {
        if (ts.has_exc()) return Value::null();
        return raise_no_attribute(ts, self, names.__dict__);
    }
    return Value::from_ptr(d);
}
// __dict__ of builtin types' instances (functions, exceptions): PyObject_GenericSetDict.
bool obj_set_dict(ThreadState& ts, Value self, Value v) {
    Dict** slot = instance_dict_slot(self);
    if (v.is_null()) {
        raise(ts, &exc_TypeError, "cannot delete __dict__");
        return false;
    }
    if (!slot || !is_dict(v)) {
        raisef(ts, &exc_TypeError, "__dict__ must be set to a dictionary, not a '{}'",
               type_name(v));
        return false;
    }
    *slot = v.as<Dict>();
    return true;
}

const GetSetDef kObjectGetSets[] = {
    {"__class__", obj_class, obj_set_class},
};
const GetSetDef kDictGetSet[] = {
    {"__dict__", obj_dict, obj_set_dict},
};

Value object_init_subclass(ThreadState&, const Value*, size_t, Tuple*) {
    return Value::none();
}
Value object_format(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
    if (nargs != 2 || !is_str(args[1]))
        return raise(ts, &exc_TypeError, "__format__() argument must be str");
    if (args[1].as<Str>()->nbytes != 0)
        return raisef(ts, &exc_TypeError, "unsupported format string passed to {}.__format__",
                      type_name(args[0]));
    return str(ts, args[0]);
}
Value object_dir(ThreadState& ts, const Value* args, size_t, Tuple*) {
    List* out = new_list(ts, 0);
    if (!out) return Value::null();
    Rooted keep(ts, Value::from_ptr(out));
    Dict* seen = new_dict(ts);
    Rooted ks(ts, Value::from_ptr(seen));
    auto add_dict = [&](Dict* d) {
        int64_t pos = 0;
        Value k;
        while (dict_next(d, &pos, &k, nullptr)) dict_set(ts, seen, k, Value::none());
    };
    Type* t = type_of(args[0]);
    if (is_subtype(t, &module_type)) {  // module.__dir__: the module's namespace alone
        add_dict(args[0].as<Module>()->dict);
        t = nullptr;
    } else if (Dict** slot = instance_dict_slot(args[0]); slot && *slot) {
        add_dict(*slot);
    }
    for (int64_t i = 0; t && i < t->mro->size; ++i) add_dict(t->mro->items[i].as<Type>()->dict);
    int64_t pos = 0;
    Value k;
    while (dict_next(seen, &pos, &k, nullptr)) list_append(ts, out, k);
    return Value::from_ptr(out);
}
Value object_reduce_ex(ThreadState& ts, const Value* args, size_t, Tuple*) {
    return raisef(ts, &exc_TypeError, "cannot pickle '{}' object", type_name(args[0]));
}

const MethodDef kObjectMethods[] = {
    {"__init_subclass__", object_init_subclass, kMethClass},
    {"__format__", object_format},
    {"__dir__", object_dir},
    {"__reduce_ex__", object_reduce_ex},
};

Value none_repr(ThreadState& ts, Value) {
    return str_value(ts, "None");
}
int none_bool(ThreadState&, Value) {
    return 0;
}
Value none_new(ThreadState& ts, Type*, const Value*, size_t nargs, Tuple*) {
    if (nargs) return raise(ts, &exc_TypeError, "NoneType takes no arguments");
    return Value::none();
}
Value ni_repr(ThreadState& ts, Value) {
    return str_value(ts, "NotImplemented");
}
Value ellipsis_repr(ThreadState& ts, Value) {
    return str_value(ts, "Ellipsis");
}

// --- slot wrappers: int.__add__, object.__init__, ... -------------------------------------

using SWFn = Value (*)(ThreadState&, Type* owner, const Value* args, size_t nargs, Tuple* kw);

struct SlotWrapperObj : SlotWrapper {
    SWFn call = nullptr;
};

Value sw_call(ThreadState& ts, Value callable, const Value* args, size_t nargs, Tuple* kw) {
    auto* sw = callable.as<SlotWrapperObj>();
    if (nargs < 1 && sw->name != names.__new__)
        return raisef(ts, &exc_TypeError, "descriptor '{}' of '{}' object needs an argument",
                      sw->name->view(), sw->owner->name);
    return sw->call(ts, sw->owner, args, nargs, kw);
}

Value sw_get(ThreadState& ts, Value descr, Value obj, Value) {
    if (obj.is_null()) return descr;
    return new_bound_method(ts, descr, obj);
}

Value sw_repr(ThreadState& ts, Value self) {
    auto* sw = self.as<SlotWrapperObj>();
    return str_value(
        ts, fmt::format("<slot wrapper '{}' of '{}' objects>", sw->name->view(), sw->owner->name));
}

void sw_trace(Object*, GcVisitor&) {}

#define NEED(n)                                                                    \
    if (nargs != (n))                                                              \
        return raisef(ts, &exc_TypeError, "expected {} argument{}, got {}", (n)-1, \
                      (n) == 2 ? "" : "s", nargs - 1);

Value w_repr(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) return o->repr(ts, a[0]);
}
Value w_str(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) return o->str ? o->str(ts, a[0]) : object_str(ts, a[0]);
}
Value w_hash(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) int64_t h;
    if (!o->hash(ts, a[0], &h)) return Value::null();
    return int_from_i64(ts, h);
}
template <CompareOp Op>
Value w_cmp(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(2) return o->richcompare(ts, a[0], a[1], Op);
}
Value w_iter(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) return o->iter(ts, a[0]);
}
Value w_next(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) Value r = o->next(ts, a[0]);
    if (r.is_null() && !ts.has_exc())
        return raise_instance(ts, new_exception(ts, &exc_StopIteration, ""));
    return r;
}
Value w_len(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) int64_t n = o->len(ts, a[0]);
    return n < 0 ? Value::null() : Value::from_small(n);
}
Value w_getitem(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(2) return o->getitem(ts, a[0], a[1]);
}
Value w_setitem(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(3) return o->setitem(ts, a[0], a[1], a[2]) ? Value::none() : Value::null();
}
Value w_delitem(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(2) return o->setitem(ts, a[0], a[1], Value::null()) ? Value::none() : Value::null();
}
Value w_contains(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(2) int r = o->contains(ts, a[0], a[1]);
    return r < 0 ? Value::null() : Value::boolean(r);
}
Value w_call(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple* kw) {
    return o->call(ts, a[0], a + 1, nargs - 1, kw);
}
Value w_init(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple* kw) {
    return o->init(ts, a[0], a + 1, nargs - 1, kw) ? Value::none() : Value::null();
}
Value w_new(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple* kw) {
    if (nargs < 1 || !is_typeobj(a[0]))
        return raisef(ts, &exc_TypeError, "{}.__new__(X): X is not a type object", o->name);
    Type* t = a[0].as<Type>();
    if (!is_subtype(t, o))
        return raisef(ts, &exc_TypeError, "{}.__new__({}): {} is not a subtype of {}", o->name,
                      t->name_str->view(), t->name_str->view(), o->name);
    if (o == &object_type) {
        // object.__new__(cls, *args): extra arguments are fine when __init__ is overridden.
        Object* obj = ts.heap.alloc(t, t->instance_size ? t->instance_size : sizeof(Object));
        if (!obj) return raise_memory_error(ts);
        return Value::from_ptr(obj);
    }
    return o->new_(ts, t, a + 1, nargs - 1, kw);
}
Value w_getattribute(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(2) if (!is_str(a[1])) return raise(ts, &exc_TypeError, "attribute name must be string");
    return o->getattr(ts, a[0], a[1].as<Str>());
}
Value w_setattr(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(3) if (!is_str(a[1])) return raise(ts, &exc_TypeError, "attribute name must be string");
    return o->setattr(ts, a[0], a[1].as<Str>(), a[2]) ? Value::none() : Value::null();
}
Value w_delattr(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(2) if (!is_str(a[1])) return raise(ts, &exc_TypeError, "attribute name must be string");
    return o->setattr(ts, a[0], a[1].as<Str>(), Value::null()) ? Value::none() : Value::null();
}
Value w_bool(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) int r = o->bool_(ts, a[0]);
    return r < 0 ? Value::null() : Value::boolean(r);
}
Value w_get(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    if (nargs < 2) return raise(ts, &exc_TypeError, "__get__ expected at least 1 argument");
    Value obj = a[1].is_none() ? Value::null() : a[1];
    Value type = nargs > 2 ? a[2] : Value::null();
    return o->descr_get(ts, a[0], obj, type);
}
template <int Op>
Value w_binary(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(2) return o->num.binary[Op](ts, a[0], a[1]);
}
template <int Op>
Value w_rbinary(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(2) return o->num.binary[Op](ts, a[1], a[0]);
}
template <int Op>
Value w_inplace(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(2) return o->num.inplace[Op](ts, a[0], a[1]);
}
Value w_neg(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) return o->num.neg(ts, a[0]);
}
Value w_pos(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) return o->num.pos(ts, a[0]);
}
Value w_invert(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) return o->num.invert(ts, a[0]);
}
Value w_abs(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) return o->num.abs(ts, a[0]);
}
Value w_index(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) return o->num.index(ts, a[0]);
}
Value w_int(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) return o->num.to_int(ts, a[0]);
}
Value w_float(ThreadState& ts, Type* o, const Value* a, size_t nargs, Tuple*) {
    NEED(1) return o->num.to_float(ts, a[0]);
}

const char* const kBinDunder[][2] = {
    {"__add__", "__radd__"},       {"__and__", "__rand__"},       {"__floordiv__", "__rfloordiv__"},
    {"__lshift__", "__rlshift__"}, {"__matmul__", "__rmatmul__"}, {"__mul__", "__rmul__"},
    {"__mod__", "__rmod__"},       {"__or__", "__ror__"},         {"__pow__", "__rpow__"},
    {"__rshift__", "__rrshift__"}, {"__sub__", "__rsub__"},       {"__truediv__", "__rtruediv__"},
    {"__xor__", "__rxor__"},
};
const char* const kInplaceDunder[] = {
    "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__",  "__imul__", "__imod__",
    "__ior__",  "__ipow__", "__irshift__",   "__isub__",    "__itruediv__", "__ixor__"};

template <int... Ops>
struct WrapTable {
    static constexpr SWFn binary[] = {&w_binary<Ops>...};
    static constexpr SWFn rbinary[] = {&w_rbinary<Ops>...};
    static constexpr SWFn inplace[] = {&w_inplace<Ops>...};
};
using Wraps = WrapTable<0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12>;

void add_wrapper(TypeBuilder& b, Type& t, const char* name, SWFn fn) {
    Str* n = b.intern(name);
    if (!dict_get_str(t.dict, n).is_null()) return;  // an explicit method wins
    auto* sw = b.heap().make<SlotWrapperObj>(&slot_wrapper_type, sizeof(SlotWrapperObj));
    sw->name = n;
    sw->owner = &t;
    sw->call = fn;
    b.attr(t, name, Value::from_ptr(sw));
}

void add_wrappers(TypeBuilder& b, Type& t) {
    Type* base = t.base;
    auto own = [&](auto slot, auto base_slot) { return slot && (!base || slot != base_slot); };
    if (own(t.repr, base ? base->repr : nullptr)) add_wrapper(b, t, "__repr__", w_repr);
    if (own(t.str, base ? base->str : nullptr)) add_wrapper(b, t, "__str__", w_str);
    if (own(t.hash, base ? base->hash : nullptr) && t.hash != hash_not_implemented)
        add_wrapper(b, t, "__hash__", w_hash);
    if (t.hash == hash_not_implemented) b.attr(t, "__hash__", Value::none());
    if (own(t.richcompare, base ? base->richcompare : nullptr)) {
        add_wrapper(b, t, "__lt__", w_cmp<CompareOp::lt>);
        add_wrapper(b, t, "__le__", w_cmp<CompareOp::le>);
        add_wrapper(b, t, "__eq__", w_cmp<CompareOp::eq>);
        add_wrapper(b, t, "__ne__", w_cmp<CompareOp::ne>);
        add_wrapper(b, t, "__gt__", w_cmp<CompareOp::gt>);
        add_wrapper(b, t, "__ge__", w_cmp<CompareOp::ge>);
    }
    if (own(t.iter, base ? base->iter : nullptr)) add_wrapper(b, t, "__iter__", w_iter);
    if (own(t.next, base ? base->next : nullptr)) add_wrapper(b, t, "__next__", w_next);
    if (own(t.len, base ? base->len : nullptr)) add_wrapper(b, t, "__len__", w_len);
    if (own(t.getitem, base ? base->getitem : nullptr)) add_wrapper(b, t, "__getitem__", w_getitem);
    if (own(t.setitem, base ? base->setitem : nullptr)) {
        add_wrapper(b, t, "__setitem__", w_setitem);
        add_wrapper(b, t, "__delitem__", w_delitem);
    }
    if (own(t.contains, base ? base->contains : nullptr))
        add_wrapper(b, t, "__contains__", w_contains);
    if (own(t.call, base ? base->call : nullptr)) add_wrapper(b, t, "__call__", w_call);
    if (own(t.init, base ? base->init : nullptr)) add_wrapper(b, t, "__init__", w_init);
    if (own(t.new_, base ? base->new_ : nullptr)) {
        add_wrapper(b, t, "__new__", w_new);
        // __new__ is a static method: calling through the class passes cls explicitly.
        Value sw = dict_get_str(t.dict, b.intern("__new__"));
        auto* sm = b.heap().make<StaticMethod>(&staticmethod_type, sizeof(StaticMethod));
        sm->func = sw;
        b.attr(t, "__new__", Value::from_ptr(sm));
    }
    if (own(t.getattr, base ? base->getattr : nullptr))
        add_wrapper(b, t, "__getattribute__", w_getattribute);
    if (own(t.setattr, base ? base->setattr : nullptr)) {
        add_wrapper(b, t, "__setattr__", w_setattr);
        add_wrapper(b, t, "__delattr__", w_delattr);
    }
    if (own(t.bool_, base ? base->bool_ : nullptr)) add_wrapper(b, t, "__bool__", w_bool);
    if (own(t.descr_get, base ? base->descr_get : nullptr)) add_wrapper(b, t, "__get__", w_get);
    for (int i = 0; i < int(BinaryOp::count_); ++i) {
        if (own(t.num.binary[i], base ? base->num.binary[i] : nullptr)) {
            add_wrapper(b, t, kBinDunder[i][0], Wraps::binary[i]);
            add_wrapper(b, t, kBinDunder[i][1], Wraps::rbinary[i]);
        }
        if (own(t.num.inplace[i], base ? base->num.inplace[i] : nullptr))
            add_wrapper(b, t, kInplaceDunder[i], Wraps::inplace[i]);
    }
    if (own(t.num.neg, base ? base->num.neg : nullptr)) add_wrapper(b, t, "__neg__", w_neg);
    if (own(t.num.pos, base ? base->num.pos : nullptr)) add_wrapper(b, t, "__pos__", w_pos);
    if (own(t.num.invert, base ? base->num.invert : nullptr))
        add_wrapper(b, t, "__invert__", w_invert);
    if (own(t.num.abs, base ? base->num.abs : nullptr)) add_wrapper(b, t, "__abs__", w_abs);
    if (own(t.num.index, base ? base->num.index : nullptr)) add_wrapper(b, t, "__index__", w_index);
    if (own(t.num.to_int, base ? base->num.to_int : nullptr)) add_wrapper(b, t, "__int__", w_int);
    if (own(t.num.to_float, base ? base->num.to_float : nullptr))
        add_wrapper(b, t, "__float__", w_float);
}

void inherit_slots(Type& t) {
    Type* b = t.base;
    if (!b) return;
#define INH(f) \
    if (!t.f) t.f = b->f;
    INH(repr)
    INH(str)
    INH(hash)
    INH(richcompare) INH(iter) INH(next) INH(call) INH(getattr) INH(setattr) INH(descr_get)
        INH(descr_set) INH(len) INH(getitem) INH(setitem) INH(contains) INH(bool_) INH(new_)
            INH(init) INH(trace) INH(finalize)
#undef INH
                for (int i = 0; i < int(BinaryOp::count_); ++i) {
        if (!t.num.binary[i]) t.num.binary[i] = b->num.binary[i];
        if (!t.num.inplace[i]) t.num.inplace[i] = b->num.inplace[i];
    }
    auto& n = t.num;
    auto& bn = b->num;
    if (!n.pow3) n.pow3 = bn.pow3;
    if (!n.neg) n.neg = bn.neg;
    if (!n.pos) n.pos = bn.pos;
    if (!n.invert) n.invert = bn.invert;
    if (!n.abs) n.abs = bn.abs;
    if (!n.index) n.index = bn.index;
    if (!n.to_int) n.to_int = bn.to_int;
    if (!n.to_float) n.to_float = bn.to_float;
    if (!t.dict_offset) t.dict_offset = b->dict_offset;
    t.tflags |= b->tflags & (kTypeException | kTypeIntSub | kTypeStrSub | kTypeTupleSub |
                             kTypeListSub | kTypeDictSub | kTypeTypeSub);
}

}  // namespace

uint64_t object_id(Value v) {
    if (v.is_ptr()) return uint64_t(reinterpret_cast<uintptr_t>(v.as_ptr()));
    return v.bits();  // unboxed values: a stable number per value
}

void setup_object_types(TypeBuilder& b) {
    object_type.new_ = object_new;
    object_type.init = object_init;
    object_type.repr = object_repr;
    object_type.str = object_str;
    object_type.hash = object_hash;
    object_type.richcompare = object_richcompare;
    object_type.getattr = generic_getattr;
    object_type.setattr = generic_setattr;
    b.getsets(object_type, kObjectGetSets);
    b.methods(object_type, kObjectMethods);
    setup_type_type(b);

    b.init(none_type, "NoneType", nullptr, sizeof(Object), 0);
    none_type.repr = none_repr;
    none_type.bool_ = none_bool;
    none_type.new_ = none_new;
    b.init(notimplemented_type, "NotImplementedType", nullptr, sizeof(Object), 0);
    notimplemented_type.repr = ni_repr;
    b.init(ellipsis_type, "ellipsis", nullptr, sizeof(Object), 0);
    ellipsis_type.repr = ellipsis_repr;
    b.init(slot_wrapper_type, "wrapper_descriptor", nullptr, sizeof(SlotWrapperObj), 0);
    slot_wrapper_type.call = sw_call;
    slot_wrapper_type.descr_get = sw_get;
    slot_wrapper_type.repr = sw_repr;
    slot_wrapper_type.trace = sw_trace;
}

// All builtin types in setup order (bases before subclasses).
std::vector<Type*>& builtin_type_list();

void finish_builtin_types(TypeBuilder& b) {
    std::vector<Type*> all = builtin_type_list();
    for (Type* t : all) {
        inherit_slots(*t);
        compute_mro(nullptr, b.heap(), t);
        t->tflags |= kTypeReady;
    }
    for (Type* t : all) add_wrappers(b, *t);
    for (Type* t : all) {
        // Instances of types with a __dict__ (functions, exceptions) expose it.
        if (t->dict_offset && (!t->base || t->base->dict_offset != t->dict_offset))
            b.getsets(*t, kDictGetSet);
    }
}

}  // namespace interleave::python
