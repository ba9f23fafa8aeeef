// Functions, methods and descriptors: function, bound method, builtin function, method and
// getset descriptors, property, classmethod, staticmethod, cell, module.
#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/vm/call.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

uint64_t object_id(Value v);

Cell* new_cell(ThreadState& ts, Value v) {
    Cell* c = ts.heap.make<Cell>(&cell_type, sizeof(Cell));
    if (!c) {
        raise_memory_error(ts);
        return nullptr;
    }
    c->ref = v;
    return c;
}

Value new_bound_method(ThreadState& ts, Value func, Value self) {
    BoundMethod* m = ts.heap.make<BoundMethod>(&bound_method_type, sizeof(BoundMethod));
    if (!m) return raise_memory_error(ts);
    m->func = func;
    m->self = self;
    return Value::from_ptr(m);
}

Module* new_module(ThreadState& ts, Str* name) {
    Module* m = ts.heap.make<Module>(&module_type, sizeof(Module));
    if (!m) {
        raise_memory_error(ts);
        return nullptr;
    }
    m->name = name;
    Rooted keep(ts, Value::from_ptr(m));
    m->dict = new_dict(ts);
    if (!m->dict) return nullptr;
    if (!dict_set_str(ts, m->dict, names.__name__, Value::from_ptr(name)) ||
        !dict_set_str(ts, m->dict, names.__doc__, Value::none()))
        return nullptr;
    return m;
}

Value new_builtin(ThreadState& ts, const MethodDef* def, Value self) {
    auto* f = ts.heap.make<BuiltinFunction>(&builtin_function_type, sizeof(BuiltinFunction));
    if (!f) return raise_memory_error(ts);
    f->def = def;
    f->self = self;
    return Value::from_ptr(f);
}

namespace {

// --- function ----------------------------------------------------------------------------------

void func_trace(Object* o, GcVisitor& v) {
    auto* f = static_cast<Function*>(o);
    v.visit(f->code);
    v.visit(f->globals);
    v.visit(f->builtins);
    v.visit(f->defaults);
    v.visit(f->kwdefaults);
    v.visit(f->closure);
    v.visit(f->name);
    v.visit(f->qualname);
    v.visit(f->doc);
    v.visit(f->module);
    v.visit(f->annotations);
    v.visit(f->dict);
}

Value func_call(ThreadState& ts, Value callable, const Value* args, size_t nargs, Tuple* kw) {
    return call_function(ts, callable.as<Function>(), args, nargs, kw);
}

Value func_get(ThreadState& ts, Value descr, Value obj, Value) {
    if (obj.is_null()) return descr;
    return new_bound_method(ts, descr, obj);
}

Value func_repr(ThreadState& ts, Value self) {
    return str_value(ts, fmt::format("<function {} at {:#x}>",
                                     self.as<Function>()->qualname->view(), object_id(self)));
}

Value f_name(ThreadState&, Value s) { return Value::from_ptr(s.as<Function>()->name); }
bool f_set_name(ThreadState& ts, Value s, Value v) {
    if (!is_str(v)) return raise(ts, &exc_TypeError, "__name__ must be set to a string object"), false;
    s.as<Function>()->name = v.as<Str>();
    return true;
}
Value f_qualname(ThreadState&, Value s) { return Value::from_ptr(s.as<Function>()->qualname); }
bool f_set_qualname(ThreadState& ts, Value s, Value v) {
    if (!is_str(v)) return raise(ts, &exc_TypeError, "__qualname__ must be set to a string object"), false;
    s.as<Function>()->qualname = v.as<Str>();
    return true;
}
Value f_doc(ThreadState&, Value s) {
    Value d = s.as<Function>()->doc;
    return d.is_null() ? Value::none() : d;
}
bool f_set_doc(ThreadState&, Value s, Value v) {
    s.as<Function>()->doc = v.is_null() ? Value::none() : v;
    return true;
}
Value f_module(ThreadState&, Value s) {
    Value m = s.as<Function>()->module;
    return m.is_null() ? Value::none() : m;
}
bool f_set_module(ThreadState&, Value s, Value v) {
    s.as<Function>()->module = v.is_null() ? Value::none() : v;
    return true;
}
Value f_defaults(ThreadState&, Value s) {
    Tuple* d = s.as<Function>()->defaults;
    return d ? Value::from_ptr(d) : Value::none();
}
bool f_set_defaults(ThreadState& ts, Value s, Value v) {
    if (!v.is_null() && !v.is_none() && !is_tuple(v))
        return raise(ts, &exc_TypeError, "__defaults__ must be set to a tuple object"), false;
    s.as<Function>()->defaults = (v.is_null() || v.is_none()) ? nullptr : v.as<Tuple>();
    return true;
}
Value f_kwdefaults(ThreadState&, Value s) {
    Dict* d = s.as<Function>()->kwdefaults;
    return d ? Value::from_ptr(d) : Value::none();
}
Value f_globals(ThreadState&, Value s) { return Value::from_ptr(s.as<Function>()->globals); }
Value f_code(ThreadState&, Value s) { return Value::from_ptr(s.as<Function>()->code); }
Value f_closure(ThreadState&, Value s) {
    Tuple* c = s.as<Function>()->closure;
    return c ? Value::from_ptr(c) : Value::none();
}
Value f_annotations(ThreadState& ts, Value s) {
    Function* f = s.as<Function>();
    if (f->annotations.is_null() || f->annotations.is_none()) {
        Dict* d = new_dict(ts);
        if (!d) return Value::null();
        f->annotations = Value::from_ptr(d);
    }
    return f->annotations;
}
bool f_set_annotations(ThreadState&, Value s, Value v) {
    s.as<Function>()->annotations = v;
    return true;
}

const GetSetDef kFunctionGetSets[] = {
    {"__name__", f_name, f_set_name},
    {"__qualname__", f_qualname, f_set_qualname},
    {"__doc__", f_doc, f_set_doc},
    {"__module__", f_module, f_set_module},
    {"__defaults__", f_defaults, f_set_defaults},
    {"__kwdefaults__", f_kwdefaults},
    {"__globals__", f_globals},
    {"__code__", f_code},
    {"__closure__", f_closure},
    {"__annotations__", f_annotations, f_set_annotations},
};

// --- bound method ------------------------------------------------------------------------------

void bm_trace(Object* o, GcVisitor& v) {
    auto* m = static_cast<BoundMethod*>(o);
    v.visit(m->func);
    v.visit(m->self);
}

Value bm_call(ThreadState& ts, Value callable, const Value* args, size_t nargs, Tuple* kw) {
    BoundMethod* m = callable.as<BoundMethod>();
    Value func = m->func;
    if (is_type(func, &function_type)) {
        // The common case (a method called through a stored bound method): build the
        // argument vector with self in front.
        Value small[8];
        RootedVector big(ts);
        Value* buf = small;
        if (nargs + 1 > 8) {
            big.v.resize(nargs + 1);
            buf = big.v.data();
        }
        buf[0] = m->self;
        for (size_t i = 0; i < nargs; ++i) buf[i + 1] = args[i];
        return call_function(ts, func.as<Function>(), buf, nargs + 1, kw);
    }
    RootedVector buf(ts);
    buf.v.reserve(nargs + 1);
    buf.v.push_back(m->self);
    buf.v.insert(buf.v.end(), args, args + nargs);
    Rooted f(ts, func);
    return call(ts, f, buf.v.data(), nargs + 1, kw);
}

Value bm_repr(ThreadState& ts, Value self) {
    BoundMethod* m = self.as<BoundMethod>();
    Rooted keep(ts, self);
    Value qn = getattr_opt(ts, m->func, names.__qualname__);
    if (qn.is_null()) {
        if (ts.has_exc()) return Value::null();
        qn = getattr_opt(ts, m->func, names.__name__);
    }
    std::string name = is_str(qn) ? std::string(str_view(qn)) : "?";
    std::string r;
    if (!repr_utf8(ts, m->self, &r)) return Value::null();
    return str_value(ts, fmt::format("<bound method {} of {}>", name, r));
}

Value bm_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (!is_type(b, &bound_method_type) || (op != CompareOp::eq && op != CompareOp::ne))
        return not_implemented();
    BoundMethod* x = a.as<BoundMethod>();
    BoundMethod* y = b.as<BoundMethod>();
    int e = richcompare_bool(ts, x->func, y->func, CompareOp::eq);
    if (e < 0) return Value::null();
    bool eq = e && x->self == y->self;
    return Value::boolean(op == CompareOp::eq ? eq : !eq);
}

bool bm_hash(ThreadState& ts, Value self, int64_t* out) {
    BoundMethod* m = self.as<BoundMethod>();
    int64_t a, b;
    if (!hash(ts, m->func, &a)) return false;
    b = int64_t(object_id(m->self) >> 4);
    *out = a ^ b;
    if (*out == -1) *out = -2;
    return true;
}

Value bm_getattr(ThreadState& ts, Value self, Str* name) {
    BoundMethod* m = self.as<BoundMethod>();
    if (name == names.__self__) return m->self;
    if (name == names.dunder_func) return m->func;
    Value v = generic_getattr_opt(ts, self, name);
    if (!v.is_null() || ts.has_exc()) return v;
    return getattr(ts, m->func, name);
}

// --- builtin functions and method descriptors ------------------------------------------------

void bf_trace(Object* o, GcVisitor& v) {
    auto* f = static_cast<BuiltinFunction*>(o);
    v.visit(f->self);
    v.visit(f->qualname);
}

Value bf_call(ThreadState& ts, Value callable, const Value* args, size_t nargs, Tuple* kw) {
    BuiltinFunction* f = callable.as<BuiltinFunction>();
    if (f->self.is_null() || is_type(f->self, &module_type))
        return f->def->fn(ts, args, nargs, kw);
    Value small[8];
    RootedVector big(ts);
    Value* buf = small;
    if (nargs + 1 > 8) {
        big.v.resize(nargs + 1);
        buf = big.v.data();
    }
    buf[0] = f->self;
    for (size_t i = 0; i < nargs; ++i) buf[i + 1] = args[i];
    return f->def->fn(ts, buf, nargs + 1, kw);
}

Value bf_repr(ThreadState& ts, Value self) {
    BuiltinFunction* f = self.as<BuiltinFunction>();
    if (f->self.is_null() || is_type(f->self, &module_type))
        return str_value(ts, fmt::format("<built-in function {}>", f->def->name));
    return str_value(ts, fmt::format("<built-in method {} of {} object at {:#x}>", f->def->name,
                                     type_name(f->self), object_id(f->self)));
}

Value bf_getattr(ThreadState& ts, Value self, Str* name) {
    BuiltinFunction* f = self.as<BuiltinFunction>();
    if (name == names.__name__) return str_value(ts, f->def->name);
    if (name == names.__qualname__)
        return f->qualname ? Value::from_ptr(f->qualname) : str_value(ts, f->def->name);
    if (name == names.__self__) return f->self.is_null() ? Value::none() : f->self;
    if (name == names.__doc__) return f->def->doc ? str_value(ts, f->def->doc) : Value::none();
    if (name == names.__module__) return Value::none();
    return generic_getattr(ts, self, name);
}

Value md_call(ThreadState& ts, Value callable, const Value* args, size_t nargs, Tuple* kw) {
    MethodDescr* d = callable.as<MethodDescr>();
    if (d->def->flags & kMethClass) {
        if (nargs < 1 || !is_typeobj(args[0]))
            return raisef(ts, &exc_TypeError, "descriptor '{}' needs a type", d->def->name);
        return d->def->fn(ts, args, nargs, kw);
    }
    if (nargs < 1)
        return raisef(ts, &exc_TypeError, "unbound method {}.{}() needs an argument",
                      d->owner->name, d->def->name);
    if (!isinstance_fast(args[0], d->owner))
        return raisef(ts, &exc_TypeError,
                      "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                      d->def->name, d->owner->name, type_name(args[0]));
    return d->def->fn(ts, args, nargs, kw);
}

Value md_get(ThreadState& ts, Value descr, Value obj, Value type) {
    MethodDescr* d = descr.as<MethodDescr>();
    if (d->def->flags & kMethClass) {
        Value t = type.is_null() ? Value::from_ptr(type_of(obj)) : type;
        return new_builtin(ts, d->def, t);
    }
    if (obj.is_null()) return descr;
    return new_builtin(ts, d->def, obj);
}

Value md_repr(ThreadState& ts, Value self) {
    MethodDescr* d = self.as<MethodDescr>();
    return str_value(ts, fmt::format("<method '{}' of '{}' objects>", d->def->name,
                                     d->owner->name));
}

Value gs_get(ThreadState& ts, Value descr, Value obj, Value) {
    if (obj.is_null()) return descr;
    return descr.as<GetSetDescr>()->def->get(ts, obj);
}

bool gs_set(ThreadState& ts, Value descr, Value obj, Value v) {
    GetSetDescr* d = descr.as<GetSetDescr>();
    if (!d->def->set) {
        raisef(ts, &exc_AttributeError, "attribute '{}' of '{}' objects is not writable",
               d->def->name, d->owner->name);
        return false;
    }
    return d->def->set(ts, obj, v);
}

Value gs_repr(ThreadState& ts, Value self) {
    GetSetDescr* d = self.as<GetSetDescr>();
    return str_value(ts, fmt::format("<attribute '{}' of '{}' objects>", d->def->name,
                                     d->owner->name));
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

bool prop_set(ThreadState& ts, Value descr, Value obj, Value v) {
    Property* p = descr.as<Property>();
    if (v.is_null()) {
        if (p->fdel.is_null() || p->fdel.is_none()) {
            raise(ts, &exc_AttributeError, "can't delete attribute");
            return false;
        }
        return !call1(ts, p->fdel, obj).is_null();
    }
    if (p->fset.is_null() || p->fset.is_none()) {
        raise(ts, &exc_AttributeError, "can't set attribute");
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
Value p_fget(ThreadState&, Value s) { return s.as<Property>()->fget; }
Value p_fset(ThreadState&, Value s) { return s.as<Property>()->fset; }
Value p_fdel(ThreadState&, Value s) { return s.as<Property>()->fdel; }
Value p_doc(ThreadState&, Value s) { return s.as<Property>()->doc; }
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
Value cm_func(ThreadState&, Value s) { return s.as<ClassMethod>()->func; }
Value sm_func(ThreadState&, Value s) { return s.as<StaticMethod>()->func; }
const GetSetDef kCmGetSets[] = {{"__func__", cm_func}, {"__wrapped__", cm_func}};
const GetSetDef kSmGetSets[] = {{"__func__", sm_func}, {"__wrapped__", sm_func}};

// --- cell, module ------------------------------------------------------------------------------

void cell_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<Cell*>(o)->ref);
}
Value cell_repr(ThreadState& ts, Value self) {
    Cell* c = self.as<Cell>();
    if (c->ref.is_null()) return str_value(ts, fmt::format("<cell at {:#x}: empty>", object_id(self)));
    return str_value(ts, fmt::format("<cell at {:#x}: {} object at {:#x}>", object_id(self),
                                     type_name(c->ref), object_id(c->ref)));
}
Value cell_contents(ThreadState& ts, Value s) {
    Value v = s.as<Cell>()->ref;
    if (v.is_null()) return raise(ts, &exc_ValueError, "Cell is empty");
    return v;
}
const GetSetDef kCellGetSets[] = {{"cell_contents", cell_contents}};

void module_trace(Object* o, GcVisitor& v) {
    auto* m = static_cast<Module*>(o);
    v.visit(m->dict);
    v.visit(m->name);
}
Value module_getattr(ThreadState& ts, Value self, Str* name) {
    Module* m = self.as<Module>();
    Value v = generic_getattr_opt(ts, self, name);
    if (!v.is_null() || ts.has_exc()) return v;
    v = dict_get_str(m->dict, name);
    if (!v.is_null()) return v;
    Value ga = dict_get_str(m->dict, names.__getattr__);
    if (!ga.is_null()) return call1(ts, ga, Value::from_ptr(name));
    return raisef(ts, &exc_AttributeError, "module '{}' has no attribute '{}'",
                  m->name->view(), name->view());
}
bool module_setattr(ThreadState& ts, Value self, Str* name, Value v) {
    Module* m = self.as<Module>();
    if (v.is_null()) {
        int r = dict_del(ts, m->dict, Value::from_ptr(name));
        if (r == 0)
            raisef(ts, &exc_AttributeError, "module '{}' has no attribute '{}'", m->name->view(),
                   name->view());
        return r > 0;
    }
    return dict_set_str(ts, m->dict, name, v);
}
Value module_repr(ThreadState& ts, Value self) {
    Module* m = self.as<Module>();
    Value f = dict_get_str(m->dict, names.__file__);
    if (is_str(f))
        return str_value(ts, fmt::format("<module '{}' from '{}'>", m->name->view(), str_view(f)));
    return str_value(ts, fmt::format("<module '{}' (built-in)>", m->name->view()));
}
Value mod_dict(ThreadState&, Value s) { return Value::from_ptr(s.as<Module>()->dict); }
const GetSetDef kModuleGetSets[] = {{"__dict__", mod_dict}};

Value code_repr(ThreadState& ts, Value self) {
    const Code* c = self.as<Code>();
    return str_value(ts, fmt::format("<code object {} at {:#x}, file \"{}\", line {}>",
                                     c->name->view(), object_id(self), c->filename->view(),
                                     c->firstlineno));
}

Value generic_alloc(ThreadState& ts, Type* type, const Value*, size_t, Tuple*) {
    // property/classmethod/staticmethod: their value fields start as None.
    Property* o = ts.heap.make<Property>(type, std::max<size_t>(type->instance_size, sizeof(Property)));
    if (!o) return raise_memory_error(ts);
    o->fget = o->fset = o->fdel = o->doc = Value::none();
    return Value::from_ptr(o);
}

}  // namespace

void setup_function_types(TypeBuilder& b) {
    b.init(function_type, "function", nullptr, sizeof(Function), 0);
    function_type.dict_offset = offsetof(Function, dict);
    function_type.call = func_call;
    function_type.descr_get = func_get;
    function_type.repr = func_repr;
    function_type.trace = func_trace;
    b.getsets(function_type, kFunctionGetSets);

    b.init(bound_method_type, "method", nullptr, sizeof(BoundMethod), 0);
    bound_method_type.call = bm_call;
    bound_method_type.repr = bm_repr;
    bound_method_type.richcompare = bm_richcompare;
    bound_method_type.hash = bm_hash;
    bound_method_type.getattr = bm_getattr;
    bound_method_type.trace = bm_trace;

    b.init(builtin_function_type, "builtin_function_or_method", nullptr, sizeof(BuiltinFunction), 0);
    builtin_function_type.call = bf_call;
    builtin_function_type.repr = bf_repr;
    builtin_function_type.getattr = bf_getattr;
    builtin_function_type.trace = bf_trace;

    b.init(cell_type, "cell", nullptr, sizeof(Cell), 0);
    cell_type.trace = cell_trace;
    cell_type.repr = cell_repr;
    b.getsets(cell_type, kCellGetSets);

    b.init(module_type, "module", nullptr, sizeof(Module));
    module_type.getattr = module_getattr;
    module_type.setattr = module_setattr;
    module_type.repr = module_repr;
    module_type.trace = module_trace;
    b.getsets(module_type, kModuleGetSets);

    b.init(code_type, "code", nullptr, sizeof(Code), 0);
    code_type.repr = code_repr;
}

void setup_descr_types(TypeBuilder& b) {
    b.init(method_descr_type, "method_descriptor", nullptr, sizeof(MethodDescr), 0);
    method_descr_type.call = md_call;
    method_descr_type.descr_get = md_get;
    method_descr_type.repr = md_repr;

    b.init(getset_descr_type, "getset_descriptor", nullptr, sizeof(GetSetDescr), 0);
    getset_descr_type.descr_get = gs_get;
    getset_descr_type.descr_set = gs_set;
    getset_descr_type.repr = gs_repr;

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
