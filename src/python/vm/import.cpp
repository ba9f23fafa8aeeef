// import (native and prelude modules; no file system), __build_class__ and super().
#include <mutex>
#include <unordered_map>

#include "python/builtins/builtins.hpp"
#include "python/interp.hpp"
#include "python/modules/module_def.hpp"
#include "python/vm/call.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/eval_helpers.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

bool add_functions(ThreadState& ts, Module* m, std::span<const MethodDef> defs) {
    for (const MethodDef& d : defs) {
        Value f = new_builtin(ts, &d, Value::from_ptr(m));
        if (f.is_null() || !dict_set_str(ts, m->dict, intern_str(ts, d.name), f)) return false;
    }
    return true;
}

bool add_value(ThreadState& ts, Module* m, std::string_view name, Value v) {
    if (v.is_null()) return false;
    Str* k = intern_str(ts, name);
    return k && dict_set_str(ts, m->dict, k, v);
}

bool add_type(ThreadState& ts, Module* m, Type* t) {
    return add_value(ts, m, t->name_str->view(), Value::from_ptr(t));
}

namespace {

// A module's Python source compiled once per OS process and shared by every interpreter, as
// the main program is shared with its child processes (a Program's code lives on its own
// immortal heap and is never written). Each simulated process imports asyncio & co. afresh: in
// the browser compiling them took ~200 ms per process start, without a checkpoint.
const CompileResult& compiled_source(const ModuleDef* def, std::string_view name) {
    static std::mutex mu;
    static std::unordered_map<const ModuleDef*, CompileResult> programs;
    std::lock_guard<std::mutex> g(mu);
    auto it = programs.find(def);
    if (it == programs.end())
        it = programs
                 .emplace(def,
                          compile_program(def->source, std::string("<") + std::string(name) + ">"))
                 .first;
    return it->second;
}

// Modules CPython has that the playground cannot offer, and why (a note under the traceback,
// PEP 678, so the exception is CPython's own: `except ImportError` code behaves the same).
struct Unavailable {
    const char* name;
    const char* why;
};
constexpr Unavailable kUnavailable[] = {
    {"socket", "has no network"},    {"ssl", "has no network"},
    {"http", "has no network"},      {"select", "has no network"},
    {"selectors", "has no network"}, {"subprocess", "cannot start other programs"},
    {"signal", "sends no signals"},  {"ctypes", "cannot load native code"},
    {"tkinter", "has no windows"},   {"sqlite3", "has no files"},
};

// The note for a module that cannot be imported: why the playground lacks it, or where the
// list of what it offers is.
std::string missing_module_note(std::string_view top) {
    for (const Unavailable& u : kUnavailable)
        if (top == u.name)
            return fmt::format("The playground {}: the {} module is not available.", u.why, top);
    return fmt::format(
        "The playground offers the standard library modules listed in docs/python.md; {} is not "
        "one of them.",
        top);
}

Value load_module(ThreadState& ts, std::string_view name) {
    const ModuleDef* def = ts.interp.find_native_module(name);
    if (!def) {
        const std::string_view top = name.substr(0, name.find('.'));
        std::string msg = fmt::format("No module named '{}'", name);
        // A submodule of a module that is not a package: CPython adds why.
        bool known_parent = false;
        if (size_t dot = name.rfind('.'); dot != std::string_view::npos) {
            Value parent = dict_lookup_view(ts.interp.modules, name.substr(0, dot));
            known_parent = is_type(parent, &module_type);
            if (known_parent && dict_lookup_view(parent.as<Module>()->dict, "__path__").is_null())
                msg += fmt::format("; '{}' is not a package", name.substr(0, dot));
        }
        Value e = new_exception(ts, &exc_ModuleNotFoundError, msg);
        if (e.is_null()) return e;
        Rooted ke(ts, e);
        if (Dict* d = exception_attrs(ts, e)) dict_set_str(ts, d, names.name, str_value(ts, name));
        if (!known_parent) {  // a missing part of a module we offer needs no note
            Value note = str_value(ts, missing_module_note(top));
            if (note.is_null()) return note;
            Rooted kn(ts, note);
            if (call_method(ts, e, intern_str(ts, "add_note"), &note, 1).is_null())
                return Value::null();
        }
        return raise_instance(ts, e);
    }
    Str* sname = intern_str(ts, name);
    Module* m = new_module(ts, sname);
    if (!m) return Value::null();
    Rooted keep(ts, Value::from_ptr(m));
    if (!dict_set_str(ts, ts.interp.modules, sname, Value::from_ptr(m))) return Value::null();
    dict_set_str(ts, m->dict, names.__builtins__, Value::from_ptr(ts.interp.builtins_module));
    if (def->init && !def->init(ts, m)) {
        dict_del(ts, ts.interp.modules, Value::from_ptr(sname));
        return Value::null();
    }
    if (def->source) {
        const CompileResult& c = compiled_source(def, name);
        if (!c.program)
            return raise(ts, &exc_SystemError, "module source failed to compile: " + c.error_text);
        ts.interp.programs.push_back(c.program);
        Value r = eval_code(ts, c.program->main, m->dict, Value::from_ptr(m->dict));
        if (r.is_null()) {
            dict_del(ts, ts.interp.modules, Value::from_ptr(sname));
            return r;
        }
    }
    // A submodule becomes an attribute of its package.
    size_t dot = name.rfind('.');
    if (dot != std::string_view::npos) {
        Value parent = dict_lookup_view(ts.interp.modules, name.substr(0, dot));
        if (is_type(parent, &module_type))
            dict_set_str(ts, parent.as<Module>()->dict, intern_str(ts, name.substr(dot + 1)),
                         Value::from_ptr(m));
    }
    return Value::from_ptr(m);
}

}  // namespace

Value import_module(ThreadState& ts, std::string_view name) {
    Value m = dict_lookup_view(ts.interp.modules, name);
    if (!m.is_null()) return m;
    // Parents first.
    size_t dot = name.rfind('.');
    if (dot != std::string_view::npos) {
        Value parent = import_module(ts, name.substr(0, dot));
        if (parent.is_null()) return parent;
    }
    return load_module(ts, name);
}

Value import_name(ThreadState& ts, Frame*, Str* name, Value level, Value fromlist) {
    if (level.is_small() && level.as_small() > 0)
        return raise(ts, &exc_ImportError,
                     "attempted relative import with no known parent package");
    std::string_view n = name->view();
    Value m = import_module(ts, n);
    if (m.is_null()) return m;
    bool has_from = !fromlist.is_none() && !(is_tuple(fromlist) && fromlist.as<Tuple>()->size == 0);
    if (has_from) return m;
    size_t dot = n.find('.');
    if (dot == std::string_view::npos) return m;
    return dict_lookup_view(ts.interp.modules, n.substr(0, dot));
}

Value import_from(ThreadState& ts, Value module, Str* name) {
    Value v = getattr_opt(ts, module, name);
    if (!v.is_null() || ts.has_exc()) return v;
    // A submodule not imported yet.
    if (is_type(module, &module_type)) {
        std::string full =
            std::string(module.as<Module>()->name->view()) + "." + std::string(name->view());
        if (ts.interp.find_native_module(full)) return import_module(ts, full);
        return raisef(ts, &exc_ImportError, "cannot import name '{}' from '{}' (unknown location)",
                      name->view(), module.as<Module>()->name->view());
    }
    return raisef(ts, &exc_ImportError, "cannot import name '{}'", name->view());
}

bool import_star(ThreadState& ts, Frame* frame, Value module) {
    if (!is_type(module, &module_type)) {
        raise(ts, &exc_TypeError, "import * of a non-module");
        return false;
    }
    Dict* src = module.as<Module>()->dict;
    Value dst = frame->locals.is_null() ? Value::from_ptr(frame->globals) : frame->locals;
    Value all = dict_get_str(src, names.__all__);
    RootedVector keys(ts);
    if (!all.is_null()) {
        if (!iterate_into(ts, all, keys.v)) return false;
    } else {
        int64_t pos = 0;
        Value k;
        while (dict_next(src, &pos, &k, nullptr))
            if (is_str(k) && !str_view(k).starts_with("_")) keys.v.push_back(k);
    }
    for (Value k : keys.v) {
        Value v = getattr(ts, module, k.as<Str>());
        if (v.is_null() || !setitem(ts, dst, k, v)) return false;
    }
    return true;
}

Value builtin_import(ThreadState& ts, const Value* args, size_t nargs, Tuple*) {
    if (nargs < 1 || !is_str(args[0]))
        return raise(ts, &exc_TypeError, "__import__() argument 1 must be str");
    Value fromlist = nargs > 3 ? args[3] : Value::none();
    Value level = nargs > 4 ? args[4] : Value::from_small(0);
    return import_name(ts, ts.frame, args[0].as<Str>(), level, fromlist);
}

Value make_class(ThreadState& ts, Type* meta, Str* name, Tuple* bases, Dict* ns,
                 const Value* kwargs, Tuple* kwnames);

Value builtin_build_class(ThreadState& ts, const Value* args, size_t nargs, Tuple* kwnames) {
    size_t nkw = kwnames ? size_t(kwnames->size) : 0;
    size_t npos = nargs - nkw;
    if (npos < 2) return raise(ts, &exc_TypeError, "__build_class__: not enough arguments");
    if (!is_type(args[0], &function_type))
        return raise(ts, &exc_TypeError, "__build_class__: func must be a function");
    if (!is_str(args[1])) return raise(ts, &exc_TypeError, "__build_class__: name is not a string");
    Function* body = args[0].as<Function>();
    Tuple* bases = new_tuple_from(ts, args + 2, int64_t(npos - 2));
    if (!bases) return Value::null();
    Rooted kb(ts, Value::from_ptr(bases));
    // A base that is no class may name its replacements with __mro_entries__ (PEP 560;
    // bltinmodule.c update_bases): class C(dict[str, int]) derives from dict.
    Tuple* orig_bases = bases;
    RootedVector resolved(ts);
    bool replaced = false;
    for (int64_t i = 0; i < orig_bases->size; ++i) {
        Value b = orig_bases->items[i];
        Value meth =
            is_typeobj(b) ? Value::null() : getattr_opt(ts, b, intern_str(ts, "__mro_entries__"));
        if (meth.is_null()) {
            if (ts.has_exc()) return Value::null();
            resolved.v.push_back(b);
            continue;
        }
        Value r = call1(ts, meth, Value::from_ptr(orig_bases));
        if (r.is_null()) return r;
        if (!is_tuple(r)) return raise(ts, &exc_TypeError, "__mro_entries__ must return a tuple");
        for (int64_t k = 0; k < r.as<Tuple>()->size; ++k)
            resolved.v.push_back(r.as<Tuple>()->items[k]);
        replaced = true;
    }
    if (replaced) {
        bases = new_tuple_from(ts, resolved.v.data(), int64_t(resolved.v.size()));
        if (!bases) return Value::null();
    }
    Rooted kb2(ts, Value::from_ptr(bases));
    Value meta = Value::null();
    RootedVector kwvals(ts);
    std::vector<Value> kwn;
    for (size_t i = 0; i < nkw; ++i) {
        if (str_view(kwnames->items[i]) == "metaclass")
            meta = args[npos + i];
        else {
            kwn.push_back(kwnames->items[i]);
            kwvals.v.push_back(args[npos + i]);
        }
    }
    if (meta.is_null()) {
        meta = Value::from_ptr(&type_type);
        for (int64_t i = 0; i < bases->size; ++i) {
            Type* mt = type_of(bases->items[i]);
            if (is_subtype(mt, meta.as<Type>())) meta = Value::from_ptr(mt);
        }
    }
    Rooted km(ts, meta);
    Dict* ns = new_dict(ts);
    if (!ns) return Value::null();
    Rooted kns(ts, Value::from_ptr(ns));
    if (is_typeobj(meta) && meta.as<Type>() != &type_type) {
        Value prep = getattr_opt(ts, meta, names.__prepare__);
        if (!prep.is_null() && !is_type(prep, &method_descr_type)) {
            Value a[2] = {args[1], Value::from_ptr(bases)};
            Value r = call(ts, prep, a, 2);
            if (r.is_null()) return r;
            if (!is_dict(r))
                return raise(ts, &exc_TypeError, "__prepare__() must return a mapping");
            ns = r.as<Dict>();
            kns = r;
        }
    }
    Value cell = eval_code(ts, body->code, body->globals, Value::from_ptr(ns), body);
    if (cell.is_null()) return cell;
    if (replaced &&
        !dict_set_str(ts, ns, intern_str(ts, "__orig_bases__"), Value::from_ptr(orig_bases)))
        return Value::null();
    Rooted kc(ts, cell);
    Value cls;
    Tuple* kwt = nullptr;
    if (!kwn.empty()) {
        kwt = new_tuple_from(ts, kwn.data(), int64_t(kwn.size()));
        if (!kwt) return Value::null();
    }
    Rooted kk(ts, kwt ? Value::from_ptr(kwt) : Value::null());
    if (is_typeobj(meta) &&
        (meta.as<Type>() == &type_type || meta.as<Type>()->new_ == type_type.new_)) {
        Type* mt = meta.as<Type>();
        cls = make_class(ts, mt, args[1].as<Str>(), bases, ns, kwvals.v.data(), kwt);
        if (!cls.is_null() && mt != &type_type && mt->init && mt->init != type_type.init) {
            Rooted kcls(ts, cls);
            Value a[3] = {args[1], Value::from_ptr(bases), Value::from_ptr(ns)};
            if (!mt->init(ts, cls, a, 3, nullptr)) return Value::null();
        }
    } else {
        RootedVector a(ts);
        a.v = {args[1], Value::from_ptr(bases), Value::from_ptr(ns)};
        a.v.insert(a.v.end(), kwvals.v.begin(), kwvals.v.end());
        cls = call(ts, meta, a.v.data(), a.v.size(), kwt);
    }
    if (cls.is_null()) return cls;
    if (is_type(cell, &cell_type)) {
        cell.as<Cell>()->ref = cls;
        if (is_typeobj(cls))
            dict_del(ts, cls.as<Type>()->dict, Value::from_ptr(intern_str(ts, "__classcell__")));
    }
    return cls;
}

// --- super ---------------------------------------------------------------------------------

struct Super : Object {
    Value type;      // the class super() was called in
    Value obj;       // the instance (or class)
    Value obj_type;  // type(obj), or obj when it is a class
};

namespace {

void super_trace(Object* o, GcVisitor& v) {
    auto* s = static_cast<Super*>(o);
    v.visit(s->type);
    v.visit(s->obj);
    v.visit(s->obj_type);
}

Value super_getattr(ThreadState& ts, Value self, Str* name) {
    Super* s = static_cast<Super*>(self.as_ptr());
    if (name != names.__class__) {
        Tuple* mro = s->obj_type.as<Type>()->mro;
        int64_t i = 0;
        for (; i < mro->size; ++i)
            if (mro->items[i] == s->type) break;
        for (++i; i < mro->size; ++i) {
            Value v = dict_get_str(mro->items[i].as<Type>()->dict, name);
            if (v.is_null()) continue;
            DescrGetFn g = type_of(v)->descr_get;
            if (!g) return v;
            Value obj = s->obj == s->obj_type ? Value::null() : s->obj;
            return g(ts, v, obj, s->obj_type);
        }
    }
    return generic_getattr(ts, self, name);
}

Value super_repr(ThreadState& ts, Value self) {
    Super* s = static_cast<Super*>(self.as_ptr());
    return str_value(ts, fmt::format("<super: <class '{}'>, <{} object>>",
                                     s->type.as<Type>()->name_str->view(), type_name(s->obj)));
}

}  // namespace

Value super_new(ThreadState& ts, const Value* args, size_t nargs) {
    Value type, obj;
    if (nargs == 0) {
        Frame* f = ts.frame;
        if (!f || !f->code || f->code->argcount == 0)
            return raise(ts, &exc_RuntimeError, "super(): no arguments");
        obj = f->localsplus[0];
        if (is_type(obj, &cell_type) && (f->code->localspluskinds[0] & kFastCell))
            obj = obj.as<Cell>()->ref;
        if (obj.is_null()) return raise(ts, &exc_RuntimeError, "super(): arg[0] deleted");
        for (int i = 0; i < f->code->nlocalsplus; ++i) {
            if (f->code->localsplusnames[size_t(i)]->view() == "__class__" &&
                (f->code->localspluskinds[size_t(i)] & kFastFree)) {
                Value c = f->localsplus[i];
                if (is_type(c, &cell_type)) type = c.as<Cell>()->ref;
            }
        }
        if (type.is_null())
            return raise(ts, &exc_RuntimeError, "super(): __class__ cell not found");
        if (!is_typeobj(type))
            return raise(ts, &exc_RuntimeError, "super(): __class__ is not a type");
    } else {
        type = args[0];
        if (!is_typeobj(type))
            return raisef(ts, &exc_TypeError, "super() argument 1 must be a type, not {}",
                          type_name(type));
        if (nargs < 2)
            return raise(ts, &exc_TypeError, "super() with one argument is not supported");
        obj = args[1];
    }
    Value obj_type;
    if (is_typeobj(obj) && is_subtype(obj.as<Type>(), type.as<Type>()))
        obj_type = obj;
    else if (isinstance_fast(obj, type.as<Type>()))
        obj_type = Value::from_ptr(type_of(obj));
    else
        return raise(ts, &exc_TypeError,
                     "super(type, obj): obj must be an instance or subtype of type");
    Super* s = ts.heap.make<Super>(&super_type, sizeof(Super));
    if (!s) return raise_memory_error(ts);
    s->type = type;
    s->obj = obj;
    s->obj_type = obj_type;
    return Value::from_ptr(s);
}

void setup_super_type(TypeBuilder& b) {
    b.init(super_type, "super", nullptr, sizeof(Super), 0);
    super_type.getattr = super_getattr;
    super_type.repr = super_repr;
    super_type.trace = super_trace;
}

}  // namespace interleave::python
