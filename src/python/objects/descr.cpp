// property, classmethod, staticmethod (CPython 3.11's Objects/descrobject.c and funcobject.c
// parts): construction, __get__/__set__/__delete__, getter/setter/deleter, CPython's texts
// ("property 'x' of 'C' object has no setter").
#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/vm/call.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

Value generic_alloc(ThreadState& ts, Type* type, const Value*, size_t, Tuple*) {
    // property/classmethod/staticmethod: their value fields start as None. classmethod and
    // staticmethod have their own layout {func, dict}: their dict must start empty (a None
    // there is not a Dict*: the collector would follow it).
    if (!is_subtype(type, &property_type)) {
        ClassMethod* c = ts.heap.make<ClassMethod>(
            type, std::max<size_t>(type->instance_size, sizeof(ClassMethod)));
        if (!c) return raise_memory_error(ts);
        c->func = Value::none();
        c->dict = nullptr;
        return Value::from_ptr(c);
    }
    Property* o =
        ts.heap.make<Property>(type, std::max<size_t>(type->instance_size, sizeof(Property)));
    if (!o) return raise_memory_error(ts);
    o->fget = o->fset = o->fdel = o->doc = Value::none();
    return Value::from_ptr(o);
}

// --- property, classmethod, staticmethod --------------------------------------------------------

void prop_trace(Object* o, GcVisitor& v) {
    auto* p = static_cast<Property*>(o);
    v.visit(p->fget);
    v.visit(p->fset);
    v.visit(p->fdel);
    v.visit(p->doc);
}

Value prop_get(ThreadState& ts, Value descr, Value obj, Value) {
    if (obj.is_null()) return descr;
    Property* p = descr.as<Property>();
    if (p->fget.is_null() || p->fget.is_none())
        return raise(ts, &exc_AttributeError, "property has no getter");
    return call1(ts, p->fget, obj);
}

// CPython 3.11: "property 'x' of 'C' object has no setter" (the name from the getter's
// __name__), or "can't set attribute" for an unnamed property.
void raise_property_error(ThreadState& ts, Property* p, Value obj, const char* what) {
    Value name = Value::null();
    if (!p->fget.is_null() && !p->fget.is_none()) {
        name = getattr_opt(ts, p->fget, names.__name__);
        if (ts.has_exc()) clear_exc(ts);
    }
    if (name.is_null() || !is_str(name)) {
        raisef(ts, &exc_AttributeError, "can't {} attribute", what[0] == 's' ? "set" : "delete");
        return;
    }
    raisef(ts, &exc_AttributeError, "property '{}' of '{}' object has no {}", str_view(name),
           type_name(obj), what);
}

bool prop_set(ThreadState& ts, Value descr, Value obj, Value v) {
    Property* p = descr.as<Property>();
    if (v.is_null()) {
        if (p->fdel.is_null() || p->fdel.is_none()) {
            raise_property_error(ts, p, obj, "deleter");
            return false;
        }
        return !call1(ts, p->fdel, obj).is_null();
    }
    if (p->fset.is_null() || p->fset.is_none()) {
        raise_property_error(ts, p, obj, "setter");
        return false;
    }
    return !call2(ts, p->fset, obj, v).is_null();
}

bool prop_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kw) {
    Property* p = self.as<Property>();
    Value slots[4] = {Value::none(), Value::none(), Value::none(), Value::none()};
    static const char* const kNames[] = {"fget", "fset", "fdel", "doc"};
    size_t nkw = kw ? size_t(kw->size) : 0;
    size_t npos = nargs - nkw;
    if (npos > 4) {
        raise(ts, &exc_TypeError, "property() takes at most 4 arguments");
        return false;
    }
    for (size_t i = 0; i < npos; ++i) slots[i] = args[i];
    for (size_t i = 0; i < nkw; ++i) {
        std::string_view k = str_view(kw->items[i]);
        bool found = false;
        for (int j = 0; j < 4; ++j)
            if (k == kNames[j]) slots[j] = args[npos + i], found = true;
        if (!found) {
            raisef(ts, &exc_TypeError, "property() got an unexpected keyword argument '{}'", k);
            return false;
        }
    }
    p->fget = slots[0];
    p->fset = slots[1];
    p->fdel = slots[2];
    p->doc = slots[3];
    if (p->doc.is_none() && !p->fget.is_none()) {
        Value d = getattr_opt(ts, p->fget, names.__doc__);
        if (ts.has_exc()) clear_exc(ts);
        if (!d.is_null()) p->doc = d;
    }
    return true;
}

Value prop_copy(ThreadState& ts, Value self, int which, Value f) {
    Property* p = self.as<Property>();
    Property* n = ts.heap.make<Property>(type_of(self), type_of(self)->instance_size);
    if (!n) return raise_memory_error(ts);
    n->fget = which == 0 ? f : p->fget;
    n->fset = which == 1 ? f : p->fset;
    n->fdel = which == 2 ? f : p->fdel;
    n->doc = p->doc;
    return Value::from_ptr(n);
}
Value prop_getter(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "getter() takes exactly one argument");
    return prop_copy(ts, a[0], 0, a[1]);
}
Value prop_setter(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "setter() takes exactly one argument");
    return prop_copy(ts, a[0], 1, a[1]);
}
Value prop_deleter(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "deleter() takes exactly one argument");
    return prop_copy(ts, a[0], 2, a[1]);
}
const MethodDef kPropertyMethods[] = {
    {"getter", prop_getter}, {"setter", prop_setter}, {"deleter", prop_deleter}};
Value p_fget(ThreadState&, Value s) {
    return s.as<Property>()->fget;
}
Value p_fset(ThreadState&, Value s) {
    return s.as<Property>()->fset;
}
Value p_fdel(ThreadState&, Value s) {
    return s.as<Property>()->fdel;
}
Value p_doc(ThreadState&, Value s) {
    return s.as<Property>()->doc;
}
const GetSetDef kPropertyGetSets[] = {
    {"fget", p_fget}, {"fset", p_fset}, {"fdel", p_fdel}, {"__doc__", p_doc}};

void cm_trace(Object* o, GcVisitor& v) {
    auto* c = static_cast<ClassMethod*>(o);
    v.visit(c->func);
    v.visit(c->dict);
}
Value cm_get(ThreadState& ts, Value descr, Value obj, Value type) {
    Value t = type.is_null() ? Value::from_ptr(type_of(obj)) : type;
    return new_bound_method(ts, descr.as<ClassMethod>()->func, t);
}
bool cm_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple*) {
    if (nargs != 1) {
        raisef(ts, &exc_TypeError, "classmethod expected 1 argument, got {}", nargs);
        return false;
    }
    self.as<ClassMethod>()->func = args[0];
    return true;
}
Value sm_get(ThreadState&, Value descr, Value, Value) {
    return descr.as<StaticMethod>()->func;
}
Value sm_call(ThreadState& ts, Value callable, const Value* args, size_t nargs, Tuple* kw) {
    return call(ts, callable.as<StaticMethod>()->func, args, nargs, kw);
}
bool sm_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple*) {
    if (nargs != 1) {
        raisef(ts, &exc_TypeError, "staticmethod expected 1 argument, got {}", nargs);
        return false;
    }
    self.as<StaticMethod>()->func = args[0];
    return true;
}
Value cm_func(ThreadState&, Value s) {
    return s.as<ClassMethod>()->func;
}
Value sm_func(ThreadState&, Value s) {
    return s.as<StaticMethod>()->func;
}
const GetSetDef kCmGetSets[] = {{"__func__", cm_func}, {"__wrapped__", cm_func}};
const GetSetDef kSmGetSets[] = {{"__func__", sm_func}, {"__wrapped__", sm_func}};

}  // namespace

void setup_property_types(TypeBuilder& b) {
    b.init(property_type, "property", nullptr, sizeof(Property));
    property_type.descr_get = prop_get;
    property_type.descr_set = prop_set;
    property_type.init = prop_init;
    property_type.new_ = generic_alloc;
    property_type.trace = prop_trace;
    b.methods(property_type, kPropertyMethods);
    b.getsets(property_type, kPropertyGetSets);

    b.init(classmethod_type, "classmethod", nullptr, sizeof(ClassMethod));
    classmethod_type.dict_offset = offsetof(ClassMethod, dict);
    classmethod_type.descr_get = cm_get;
    classmethod_type.init = cm_init;
    classmethod_type.new_ = generic_alloc;
    classmethod_type.trace = cm_trace;
    b.getsets(classmethod_type, kCmGetSets);

    b.init(staticmethod_type, "staticmethod", nullptr, sizeof(StaticMethod));
    staticmethod_type.dict_offset = offsetof(StaticMethod, dict);
    staticmethod_type.descr_get = sm_get;
    staticmethod_type.call = sm_call;
    staticmethod_type.init = sm_init;
    staticmethod_type.new_ = generic_alloc;
    staticmethod_type.trace = cm_trace;  // same layout as ClassMethod
    b.getsets(staticmethod_type, kSmGetSets);
}

}  // namespace interleave::python
