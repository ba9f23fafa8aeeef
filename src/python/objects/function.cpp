// Functions, methods and descriptors: function, bound method, builtin function, method and
// getset descriptors, cell, module. property, classmethod, staticmethod: descr.cpp.
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

Value f_name(ThreadState&, Value s) {
    return Value::from_ptr(s.as<Function>()->name);
}
bool f_set_name(ThreadState& ts, Value s, Value v) {
    if (!is_str(v))
        return raise(ts, &exc_TypeError, "__name__ must be set to a string object"), false;
    s.as<Function>()->name = v.as<Str>();
    return true;
}
Value f_qualname(ThreadState&, Value s) {
    return Value::from_ptr(s.as<Function>()->qualname);
}
bool f_set_qualname(ThreadState& ts, Value s, Value v) {
    if (!is_str(v))
        return raise(ts, &exc_TypeError, "__qualname__ must be set to a string object"), false;
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
Value f_globals(ThreadState&, Value s) {
    return Value::from_ptr(s.as<Function>()->globals);
}
Value f_code(ThreadState&, Value s) {
    return Value::from_ptr(s.as<Function>()->code);
}
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

// The arity check of a MethodDef's kMethNoArgs/O/Pos/Tuple flags, with the messages of
// CPython 3.11's Objects/descrobject.c (method_check_args), methodobject.c and
// Python/getargs.c (_PyArg_CheckPositional, vgetargs1_impl). nargs excludes self. qualname
// (may be null) or owner + "." + the name is what the messages call the method.
bool check_builtin_arity(ThreadState& ts, const MethodDef* def, Str* qualname,
                         std::string_view owner, size_t nargs, Tuple* kw) {
    const uint32_t kind = def->flags & kMethArityMask;
    auto qual = [&] {
        if (qualname) return std::string(str_view(Value::from_ptr(qualname)));
        return owner.empty() || owner == def->name ? std::string(def->name)
                                                   : fmt::format("{}.{}", owner, def->name);
    };
    const size_t nkw = kw ? size_t(kw->size) : 0;
    if (nkw) {
        raisef(ts, &exc_TypeError, "{}() takes no keyword arguments", qual());
        return false;
    }
    if (kind == kMethNoArgs) {
        if (nargs == 0) return true;
        raisef(ts, &exc_TypeError, "{}() takes no arguments ({} given)", qual(), nargs);
        return false;
    }
    if (kind == kMethO) {
        if (nargs == 1) return true;
        raisef(ts, &exc_TypeError, "{}() takes exactly one argument ({} given)", qual(), nargs);
        return false;
    }
    const size_t min = (def->flags >> 8) & 15, max = (def->flags >> 12) & 15;
    const bool unbounded = max == 15;
    if (nargs >= min && (unbounded || nargs <= max)) return true;
    const bool few = nargs < min;
    const size_t k = few ? min : max;
    if (kind == kMethPos) {
        raisef(ts, &exc_TypeError, "{} expected {}{} argument{}, got {}", def->name,
               min == max ? ""
               : few      ? "at least "
                          : "at most ",
               k, k == 1 ? "" : "s", nargs);
    } else {
        raisef(ts, &exc_TypeError, "{}() takes {} {} argument{} ({} given)", def->name,
               min == max ? "exactly"
               : few      ? "at least"
                          : "at most",
               k, k == 1 ? "" : "s", nargs);
    }
    return false;
}

void bf_trace(Object* o, GcVisitor& v) {
    auto* f = static_cast<BuiltinFunction*>(o);
    v.visit(f->self);
    v.visit(f->qualname);
}

Value bf_call(ThreadState& ts, Value callable, const Value* args, size_t nargs, Tuple* kw) {
    BuiltinFunction* f = callable.as<BuiltinFunction>();
    if (f->self.is_null() || is_type(f->self, &module_type)) {
        if ((f->def->flags & kMethArityMask) &&
            !check_builtin_arity(ts, f->def, nullptr, f->def->name, nargs, kw))
            return Value::null();
        return f->def->fn(ts, args, nargs, kw);
    }
    if ((f->def->flags & kMethArityMask) &&
        !check_builtin_arity(ts, f->def, f->qualname,
                             (f->def->flags & kMethClass) && is_typeobj(f->self)
                                 ? std::string_view(f->self.as<Type>()->name)
                                 : std::string_view(type_name(f->self)),
                             nargs, kw))
        return Value::null();
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
    // Names compare by value: attribute names built at run time are not the static ones.
    auto is = [name](Str* n) { return name == n || str_eq(name, n); };
    if (is(names.__name__)) return str_value(ts, f->def->name);
    if (is(names.__qualname__))
        return f->qualname ? Value::from_ptr(f->qualname) : str_value(ts, f->def->name);
    if (is(names.__self__)) {
        if (f->self.is_null()) return Value::from_ptr(ts.interp.builtins_module);
        return f->self;
    }
    if (is(names.__doc__)) return f->def->doc ? str_value(ts, f->def->doc) : Value::none();
    if (is(names.__module__)) {
        if (f->self.is_null()) return str_value(ts, "builtins");
        if (is_type(f->self, &module_type)) return Value::from_ptr(f->self.as<Module>()->name);
        return Value::none();
    }
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
    if ((d->def->flags & kMethArityMask) &&
        !check_builtin_arity(ts, d->def, nullptr, d->owner->name, nargs - 1, kw))
        return Value::null();
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
    return str_value(ts,
                     fmt::format("<method '{}' of '{}' objects>", d->def->name, d->owner->name));
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
    return str_value(ts,
                     fmt::format("<attribute '{}' of '{}' objects>", d->def->name, d->owner->name));
}

// --- cell, module ------------------------------------------------------------------------------

void cell_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<Cell*>(o)->ref);
}
Value cell_repr(ThreadState& ts, Value self) {
    Cell* c = self.as<Cell>();
    if (c->ref.is_null())
        return str_value(ts, fmt::format("<cell at {:#x}: empty>", object_id(self)));
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
    return raise_attribute_error(
        ts, self, name,
        fmt::format("module '{}' has no attribute '{}'", m->name->view(), name->view()));
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
Value mod_dict(ThreadState&, Value s) {
    return Value::from_ptr(s.as<Module>()->dict);
}
const GetSetDef kModuleGetSets[] = {{"__dict__", mod_dict}};

Value code_repr(ThreadState& ts, Value self) {
    const Code* c = self.as<Code>();
    return str_value(ts,
                     fmt::format("<code object {} at {:#x}, file \"{}\", line {}>", c->name->view(),
                                 object_id(self), c->filename->view(), c->firstlineno));
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

    b.init(builtin_function_type, "builtin_function_or_method", nullptr, sizeof(BuiltinFunction),
           0);
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

void setup_property_types(TypeBuilder& b);  // descr.cpp

void setup_descr_types(TypeBuilder& b) {
    b.init(method_descr_type, "method_descriptor", nullptr, sizeof(MethodDescr), 0);
    method_descr_type.call = md_call;
    method_descr_type.descr_get = md_get;
    method_descr_type.repr = md_repr;

    b.init(getset_descr_type, "getset_descriptor", nullptr, sizeof(GetSetDescr), 0);
    getset_descr_type.descr_get = gs_get;
    getset_descr_type.descr_set = gs_set;
    getset_descr_type.repr = gs_repr;

    setup_property_types(b);
}

}  // namespace interleave::python
