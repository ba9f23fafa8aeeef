// type objects: MRO (C3), attribute lookup on classes, class creation (type(name, bases, ns)),
// instantiation (type.__call__), and the type type's own attributes.
#include <cstring>
#include <string>
#include <vector>

#include "python/objects/api.hpp"
#include "python/objects/type_setup.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

bool is_subtype(const Type* t, const Type* base) {
    if (t == base) return true;
    Tuple* mro = t->mro;
    if (!mro) {
        for (const Type* p = t; p; p = p->base)
            if (p == base) return true;
        return false;
    }
    for (int64_t i = 0; i < mro->size; ++i)
        if (mro->items[i].as_ptr() == base) return true;
    return false;
}

Value type_lookup(const Type* t, Str* name) {
    Tuple* mro = t->mro;
    if (!mro) {
        for (const Type* p = t; p; p = p->base) {
            Value v = dict_get_str(p->dict, name);
            if (!v.is_null()) return v;
        }
        return Value::null();
    }
    for (int64_t i = 0; i < mro->size; ++i) {
        Value v = dict_get_str(mro->items[i].as<Type>()->dict, name);
        if (!v.is_null()) return v;
    }
    return Value::null();
}

Value import_module(ThreadState& ts, std::string_view name);  // vm/import.cpp

namespace {

// C3 linearisation (as CPython's mro_implementation). Returns false with TypeError raised if
// no consistent order exists.
bool c3_merge(ThreadState* ts, Type* t, std::vector<Type*>& out) {
    std::vector<std::vector<Type*>> seqs;
    Tuple* bases = t->bases;
    for (int64_t i = 0; i < bases->size; ++i) {
        Type* b = bases->items[i].as<Type>();
        std::vector<Type*> s;
        for (int64_t j = 0; j < b->mro->size; ++j) s.push_back(b->mro->items[j].as<Type>());
        seqs.push_back(std::move(s));
    }
    std::vector<Type*> order;
    for (int64_t i = 0; i < bases->size; ++i) order.push_back(bases->items[i].as<Type>());
    seqs.push_back(order);
    out.push_back(t);
    for (;;) {
        bool empty = true;
        for (auto& s : seqs)
            if (!s.empty()) empty = false;
        if (empty) return true;
        Type* cand = nullptr;
        for (auto& s : seqs) {
            if (s.empty()) continue;
            Type* c = s.front();
            bool in_tail = false;
            for (auto& s2 : seqs)
                for (size_t k = 1; k < s2.size(); ++k)
                    if (s2[k] == c) in_tail = true;
            if (!in_tail) {
                cand = c;
                break;
            }
        }
        if (!cand) {
            if (ts) {
                std::string names_list;
                for (int64_t i = 0; i < bases->size; ++i) {
                    if (i) names_list += ", ";
                    names_list += bases->items[i].as<Type>()->name_str->view();
                }
                raisef(*ts, &exc_TypeError,
                       "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                       names_list);
            }
            return false;
        }
        out.push_back(cand);
        for (auto& s : seqs)
            if (!s.empty() && s.front() == cand) s.erase(s.begin());
    }
}

}  // namespace

bool compute_mro(ThreadState* ts, Heap& h, Type* t) {
    std::vector<Type*> order;
    if (!c3_merge(ts, t, order)) return false;
    Tuple* mro = new_tuple_heap(h, int64_t(order.size()));
    if (!mro) {
        if (ts) raise_memory_error(*ts);
        return false;
    }
    for (size_t i = 0; i < order.size(); ++i) mro->items[i] = Value::from_ptr(order[i]);
    t->mro = mro;
    return true;
}

// --- type's slots ----------------------------------------------------------------------------

namespace {

Value type_repr(ThreadState& ts, Value self) {
    Type* t = self.as<Type>();
    if (!(t->tflags & kTypeHeap)) return str_value(ts, fmt::format("<class '{}'>", t->name));
    Value mod = dict_get_str(t->dict, names.__module__);
    std::string qn(t->qualname ? t->qualname->view() : t->name_str->view());
    if (is_str(mod) && str_view(mod) != "builtins")
        return str_value(ts, fmt::format("<class '{}.{}'>", str_view(mod), qn));
    return str_value(ts, fmt::format("<class '{}'>", qn));
}

Value type_getattr(ThreadState& ts, Value self, Str* name) {
    Type* t = self.as<Type>();
    Type* meta = type_of(self);
    Value meta_attr = type_lookup(meta, name);
    DescrGetFn meta_get = nullptr;
    if (!meta_attr.is_null()) {
        Type* mt = type_of(meta_attr);
        meta_get = mt->descr_get;
        if (meta_get && mt->descr_set) return meta_get(ts, meta_attr, self, Value::from_ptr(meta));
    }
    Value attr = type_lookup(t, name);
    if (!attr.is_null()) {
        DescrGetFn g = type_of(attr)->descr_get;
        if (g) return g(ts, attr, Value::null(), self);
        return attr;
    }
    if (meta_get) return meta_get(ts, meta_attr, self, Value::from_ptr(meta));
    if (!meta_attr.is_null()) return meta_attr;
    return raise_no_attribute(ts, self, name);
}

bool type_setattr(ThreadState& ts, Value self, Str* name, Value v) {
    Type* t = self.as<Type>();
    if (!(t->tflags & kTypeHeap)) {
        raisef(ts, &exc_TypeError, "cannot set '{}' attribute of immutable type '{}'", name->view(),
               t->name);
        return false;
    }
    Type* meta = type_of(self);
    Value meta_attr = type_lookup(meta, name);
    if (!meta_attr.is_null()) {
        DescrSetFn s = type_of(meta_attr)->descr_set;
        if (s) return s(ts, meta_attr, self, v);
    }
    if (v.is_null()) {
        int r = dict_del(ts, t->dict, Value::from_ptr(name));
        if (r < 0) return false;
        if (r == 0) {
            raisef(ts, &exc_AttributeError, "type object '{}' has no attribute '{}'",
                   t->name_str->view(), name->view());
            return false;
        }
    } else if (!dict_set_str(ts, t->dict, name, v)) {
        return false;
    }
    ++t->version;
    if (name->view().size() > 4 && name->view().substr(0, 2) == "__") fixup_heap_type_slots(t);
    return true;
}

Value type_call(ThreadState& ts, Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
    Type* t = callable.as<Type>();
    if (t == &type_type && nargs == 1 && !kwnames) return Value::from_ptr(type_of(args[0]));
    if (!t->new_) return raisef(ts, &exc_TypeError, "cannot create '{}' instances", t->name);
    Value obj = t->new_(ts, t, args, nargs, kwnames);
    if (obj.is_null()) return obj;
    Type* ot = type_of(obj);
    if (ot != t && !is_subtype(ot, t)) return obj;
    if (ot->init) {
        Rooted keep(ts, obj);
        if (!ot->init(ts, obj, args, nargs, kwnames)) return Value::null();
    }
    return obj;
}

void type_trace(Object* o, GcVisitor& v) {
    auto* t = static_cast<Type*>(o);
    v.visit(t->name_str);
    v.visit(t->qualname);
    v.visit(t->base);
    v.visit(t->bases);
    v.visit(t->mro);
    v.visit(t->dict);
}

Value type_new_slot(ThreadState& ts, Type* meta, const Value* args, size_t nargs, Tuple* kwnames) {
    size_t nkw = kwnames ? size_t(kwnames->size) : 0;
    size_t npos = nargs - nkw;
    if (npos == 1 && meta == &type_type) return Value::from_ptr(type_of(args[0]));
    if (npos != 3) return raise(ts, &exc_TypeError, "type() takes 1 or 3 arguments");
    if (!is_str(args[0]) || !is_tuple(args[1]) || !is_dict(args[2]))
        return raise(ts, &exc_TypeError, "type.__new__() argument types are wrong");
    return make_class(ts, meta, args[0].as<Str>(), args[1].as<Tuple>(), args[2].as<Dict>(),
                      kwnames ? args + npos : nullptr, kwnames);
}

bool type_init_slot(ThreadState&, Value, const Value*, size_t, Tuple*) {
    return true;
}

// --- attributes of type objects ------------------------------------------------------------

Value t_name(ThreadState&, Value self) {
    return Value::from_ptr(self.as<Type>()->name_str);
}
bool t_set_name(ThreadState& ts, Value self, Value v) {
    if (!is_str(v)) {
        raise(ts, &exc_TypeError, "can only assign string to __name__");
        return false;
    }
    self.as<Type>()->name_str = v.as<Str>();
    return true;
}
Value t_qualname(ThreadState&, Value self) {
    Type* t = self.as<Type>();
    return Value::from_ptr(t->qualname ? t->qualname : t->name_str);
}
bool t_set_qualname(ThreadState& ts, Value self, Value v) {
    if (!is_str(v)) {
        raise(ts, &exc_TypeError, "can only assign string to __qualname__");
        return false;
    }
    self.as<Type>()->qualname = v.as<Str>();
    return true;
}
Value t_module(ThreadState& ts, Value self) {
    Type* t = self.as<Type>();
    if (t->tflags & kTypeHeap) {
        Value m = dict_get_str(t->dict, names.__module__);
        if (!m.is_null()) return m;
    }
    std::string_view n(t->name);
    auto dot = n.rfind('.');
    return str_value(ts, dot == std::string_view::npos ? "builtins" : n.substr(0, dot));
}
bool t_set_module(ThreadState& ts, Value self, Value v) {
    Type* t = self.as<Type>();
    if (!(t->tflags & kTypeHeap)) {
        raisef(ts, &exc_TypeError, "cannot set '__module__' attribute of immutable type '{}'",
               t->name);
        return false;
    }
    if (v.is_null()) {
        raisef(ts, &exc_TypeError, "cannot delete '__module__' attribute of immutable type '{}'",
               t->name);
        return false;
    }
    ++t->version;
    return dict_set_str(ts, t->dict, names.__module__, v);
}
Value t_dict(ThreadState&, Value self) {
    return Value::from_ptr(self.as<Type>()->dict);  // CPython gives a read-only mappingproxy
}
Value t_mro(ThreadState&, Value self) {
    return Value::from_ptr(self.as<Type>()->mro);
}
Value t_bases(ThreadState&, Value self) {
    return Value::from_ptr(self.as<Type>()->bases);
}
Value t_base(ThreadState&, Value self) {
    Type* b = self.as<Type>()->base;
    return b ? Value::from_ptr(b) : Value::none();
}
Value t_doc(ThreadState&, Value self) {
    Value d = dict_get_str(self.as<Type>()->dict, names.__doc__);
    return d.is_null() ? Value::none() : d;
}
bool t_set_doc(ThreadState& ts, Value self, Value v) {
    Type* t = self.as<Type>();
    if (!(t->tflags & kTypeHeap)) {
        raisef(ts, &exc_TypeError, "cannot set '__doc__' attribute of immutable type '{}'",
               t->name);
        return false;
    }
    ++t->version;
    if (v.is_null()) return dict_del(ts, t->dict, Value::from_ptr(names.__doc__)) >= 0;
    return dict_set_str(ts, t->dict, names.__doc__, v);
}

const GetSetDef kTypeGetSets[] = {
    {"__name__", t_name, t_set_name},
    {"__qualname__", t_qualname, t_set_qualname},
    {"__module__", t_module, t_set_module},
    {"__dict__", t_dict},
    {"__mro__", t_mro},
    {"__bases__", t_bases},
    {"__base__", t_base},
    {"__doc__", t_doc, t_set_doc},
};

Value type_mro_method(ThreadState& ts, const Value* args, size_t, Tuple*) {
    Tuple* mro = args[0].as<Type>()->mro;
    return Value::from_ptr(new_list_from(ts, mro->items, mro->size));
}

Value type_subclasscheck(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
    if (nargs != 2) return raise(ts, &exc_TypeError, "__subclasscheck__ takes one argument");
    int r = issubclass(ts, args[1], args[0]);
    return r < 0 ? Value::null() : Value::boolean(r);
}

Value type_instancecheck(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
    if (nargs != 2) return raise(ts, &exc_TypeError, "__instancecheck__ takes one argument");
    return Value::boolean(isinstance_fast(args[1], args[0].as<Type>()));
}

// type | other (int | None): a types.UnionType, built by types._union (Objects/unionobject.c);
// NotImplemented when the other operand cannot be in a union.
Value type_or(ThreadState& ts, Value a, Value b) {
    Value types = import_module(ts, "types");
    if (types.is_null()) return types;
    Value fn = getattr(ts, types, intern_str(ts, "_union"));
    if (fn.is_null()) return fn;
    return call2(ts, fn, a, b);
}

const MethodDef kTypeMethods[] = {
    {"mro", type_mro_method},
    {"__subclasscheck__", type_subclasscheck},
    {"__instancecheck__", type_instancecheck},
};

}  // namespace

void setup_type_type(TypeBuilder& b) {
    type_type.repr = type_repr;
    type_type.getattr = type_getattr;
    type_type.setattr = type_setattr;
    type_type.call = type_call;
    type_type.new_ = type_new_slot;
    type_type.init = type_init_slot;
    type_type.trace = type_trace;
    type_type.num.binary[int(BinaryOp::or_)] = type_or;
    b.getsets(type_type, kTypeGetSets);
    b.methods(type_type, kTypeMethods);
}

}  // namespace interleave::python
