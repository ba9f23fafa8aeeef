// The exception hierarchy (objects/exceptions.def): BaseException's layout, args, str/repr as
// CPython 3.11, and the per-class attributes (StopIteration.value, SystemExit.code, OSError,
// SyntaxError, ExceptionGroup).
#include <algorithm>
#include <initializer_list>

#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/eval_helpers.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

bool is_exception_instance(Value v) {
    return v.is_ptr() && (v.as_ptr()->type->tflags & kTypeException);
}
bool is_exception_type(Value v) {
    return is_typeobj(v) && (v.as<Type>()->tflags & kTypeException);
}

Value new_exception_args(ThreadState& ts, Type* type, Tuple* args) {
    if (!args) return Value::null();
    Rooted keep(ts, Value::from_ptr(args));
    auto* e = ts.heap.make<BaseException>(type, type->instance_size);
    if (!e) return raise_memory_error(ts);
    e->args = args;
    return Value::from_ptr(e);
}

Value new_exception(ThreadState& ts, Type* type, std::string_view message) {
    if (message.empty() && type == &exc_StopIteration)
        return new_exception_args(ts, type, empty_tuple());
    Str* s = new_str(ts, message);
    if (!s) return Value::null();
    Rooted keep(ts, Value::from_ptr(s));
    Tuple* args = new_tuple(ts, 1);
    if (!args) return Value::null();
    args->items[0] = Value::from_ptr(s);
    return new_exception_args(ts, type, args);
}

namespace {

BaseException* exc(Value v) {
    return v.as<BaseException>();
}

void exc_trace(Object* o, GcVisitor& v) {
    auto* e = static_cast<BaseException*>(o);
    v.visit(e->dict);
    v.visit(e->attrs);
    v.visit(e->args);
    v.visit(e->traceback);
    v.visit(e->context);
    v.visit(e->cause);
    v.visit(e->suggestion);
}

}  // namespace

Dict* exception_attrs(ThreadState& ts, Value e) {
    BaseException* b = exc(e);
    if (!b->attrs) {
        b->attrs = new_dict(ts);
        if (!b->attrs) raise_memory_error(ts);
    }
    return b->attrs;
}

Value exception_attr(Value e, std::string_view name) {
    Dict* d = exc(e)->attrs;
    return d ? dict_lookup_view(d, name) : Value::null();
}

namespace {

Value exc_new(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
    size_t npos = nargs - (kwnames ? size_t(kwnames->size) : 0);
    Tuple* t = new_tuple_from(ts, args, int64_t(npos));
    return new_exception_args(ts, type, t);
}

bool exc_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
    if (kwnames && kwnames->size) {
        raisef(ts, &exc_TypeError, "{}() takes no keyword arguments", type_name(self));
        return false;
    }
    Tuple* t = new_tuple_from(ts, args, int64_t(nargs));
    if (!t) return false;
    exc(self)->args = t;
    return true;
}

Value exc_str(ThreadState& ts, Value self) {
    Tuple* a = exc(self)->args;
    if (!a || a->size == 0) return str_value(ts, "");
    if (a->size == 1) return str(ts, a->items[0]);
    return str(ts, Value::from_ptr(a));
}

Value exc_repr(ThreadState& ts, Value self) {
    Tuple* a = exc(self)->args;
    std::string name(type_of(self)->name_str->view());
    if (!a || a->size == 0) return str_value(ts, name + "()");
    std::string r;
    if (a->size == 1) {
        if (!repr_utf8(ts, a->items[0], &r)) return Value::null();
        return str_value(ts, name + "(" + r + ")");
    }
    if (!repr_utf8(ts, Value::from_ptr(a), &r)) return Value::null();
    return str_value(ts, name + r);
}

Value e_args(ThreadState&, Value s) {
    Tuple* a = exc(s)->args;
    return a ? Value::from_ptr(a) : Value::from_ptr(empty_tuple());
}
bool e_set_args(ThreadState& ts, Value s, Value v) {
    RootedVector items(ts);
    if (!iterate_into(ts, v, items.v)) return false;
    Tuple* t = new_tuple_from(ts, items.v.data(), int64_t(items.v.size()));
    if (!t) return false;
    exc(s)->args = t;
    return true;
}
Value e_tb(ThreadState&, Value s) {
    Value t = exc(s)->traceback;
    return t.is_null() ? Value::none() : t;
}
bool e_set_tb(ThreadState& ts, Value s, Value v) {
    if (!v.is_none() && !is_type(v, &traceback_type)) {
        raise(ts, &exc_TypeError, "__traceback__ must be a traceback or None");
        return false;
    }
    exc(s)->traceback = v.is_none() ? Value::null() : v;
    return true;
}
Value e_context(ThreadState&, Value s) {
    Value c = exc(s)->context;
    return c.is_null() ? Value::none() : c;
}
bool e_set_context(ThreadState&, Value s, Value v) {
    exc(s)->context = v.is_none() ? Value::null() : v;
    return true;
}
Value e_cause(ThreadState&, Value s) {
    Value c = exc(s)->cause;
    return c.is_null() ? Value::none() : c;
}
bool e_set_cause(ThreadState& ts, Value s, Value v) {
    if (!v.is_none() && !is_exception_instance(v)) {
        raise(ts, &exc_TypeError, "exception cause must be None or derive from BaseException");
        return false;
    }
    exc(s)->cause = v.is_none() ? Value::null() : v;
    exc(s)->suppress_context = true;
    return true;
}
Value e_suppress(ThreadState&, Value s) {
    return Value::boolean(exc(s)->suppress_context);
}
bool e_set_suppress(ThreadState& ts, Value s, Value v) {
    int t = truthy(ts, v);
    if (t < 0) return false;
    exc(s)->suppress_context = t;
    return true;
}

const GetSetDef kExcGetSets[] = {
    {"args", e_args, e_set_args},
    {"__traceback__", e_tb, e_set_tb},
    {"__context__", e_context, e_set_context},
    {"__cause__", e_cause, e_set_cause},
    {"__suppress_context__", e_suppress, e_set_suppress},
};

Value exc_with_traceback(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "with_traceback() takes exactly one argument");
    if (!e_set_tb(ts, a[0], a[1])) return Value::null();
    return a[0];
}

Value exc_add_note(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2 || !is_str(a[1])) return raise(ts, &exc_TypeError, "note must be a str");
    Dict* d = instance_dict(ts, a[0]);
    if (!d) return Value::null();
    Value notes = dict_get_str(d, names.__notes__);
    if (notes.is_null()) {
        List* l = new_list(ts, 0);
        if (!l) return Value::null();
        notes = Value::from_ptr(l);
        if (!dict_set_str(ts, d, names.__notes__, notes)) return Value::null();
    }
    if (!is_list(notes))
        return raise(ts, &exc_TypeError, "Cannot add note: __notes__ is not a list");
    if (!list_append(ts, notes.as<List>(), a[1])) return Value::null();
    return Value::none();
}

// BaseException.__setstate__: each item set as an attribute, so that C-member attributes
// (ImportError.name) go to their descriptors, not the __dict__ (pickle's BUILD calls it).
Value exc_setstate(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "__setstate__() takes exactly one argument");
    if (a[1].is_none()) return Value::none();
    if (!is_dict(a[1])) return raise(ts, &exc_TypeError, "state is not a dictionary");
    int64_t pos = 0;
    Value k, v;
    while (dict_next(a[1].as<Dict>(), &pos, &k, &v)) {
        if (!is_str(k))
            return raisef(ts, &exc_TypeError, "attribute name must be string, not '{}'",
                          type_name(k));
        if (!setattr(ts, a[0], k.as<Str>(), v)) return Value::null();
    }
    return Value::none();
}

const MethodDef kExcMethods[] = {
    {"with_traceback", exc_with_traceback},
    {"add_note", exc_add_note},
    {"__setstate__", exc_setstate},
};

// --- per-class attributes --------------------------------------------------------------------

Value first_arg_or_none(Value s) {
    Tuple* a = exc(s)->args;
    return (a && a->size > 0) ? a->items[0] : Value::none();
}

Value stopiter_value(ThreadState&, Value s) {
    return first_arg_or_none(s);
}
const GetSetDef kStopIterGetSets[] = {{"value", stopiter_value}};

Value sysexit_code(ThreadState&, Value s) {
    Tuple* a = exc(s)->args;
    if (!a || a->size == 0) return Value::none();
    if (a->size == 1) return a->items[0];
    return Value::from_ptr(a);
}
const GetSetDef kSysExitGetSets[] = {{"code", sysexit_code}};

Value keyerror_str(ThreadState& ts, Value self) {
    Tuple* a = exc(self)->args;
    if (a && a->size == 1) return repr(ts, a->items[0]);
    return exc_str(ts, self);
}

// Attributes stored in exception_attrs (name, obj, filename, ...), None when unset.
template <const char* Name>
Value dict_attr(ThreadState&, Value s) {
    Value v = exception_attr(s, Name);
    return v.is_null() ? Value::none() : v;
}
template <const char* Name>
bool set_dict_attr(ThreadState& ts, Value s, Value v) {
    Dict* d = exception_attrs(ts, s);
    if (!d) return false;
    Str* k = intern_str(ts, Name);
    if (!k) return false;
    return dict_set_str(ts, d, k, v.is_null() ? Value::none() : v);
}
constexpr char kName[] = "name", kObj[] = "obj", kPath[] = "path", kErrno[] = "errno",
               kStrerror[] = "strerror", kFilename[] = "filename", kMsg[] = "msg",
               kLineno[] = "lineno", kOffset[] = "offset", kText[] = "text",
               kEndLineno[] = "end_lineno", kEndOffset[] = "end_offset", kFilename2[] = "filename2";

const GetSetDef kNameErrorGetSets[] = {{"name", dict_attr<kName>, set_dict_attr<kName>}};
const GetSetDef kAttrErrorGetSets[] = {{"name", dict_attr<kName>, set_dict_attr<kName>},
                                       {"obj", dict_attr<kObj>, set_dict_attr<kObj>}};
const GetSetDef kImportErrorGetSets[] = {{"name", dict_attr<kName>, set_dict_attr<kName>},
                                         {"path", dict_attr<kPath>, set_dict_attr<kPath>},
                                         {"msg", dict_attr<kMsg>, set_dict_attr<kMsg>}};
const GetSetDef kOSErrorGetSets[] = {
    {"errno", dict_attr<kErrno>, set_dict_attr<kErrno>},
    {"strerror", dict_attr<kStrerror>, set_dict_attr<kStrerror>},
    {"filename", dict_attr<kFilename>, set_dict_attr<kFilename>},
    {"filename2", dict_attr<kFilename2>, set_dict_attr<kFilename2>}};
const GetSetDef kSyntaxErrorGetSets[] = {
    {"msg", dict_attr<kMsg>, set_dict_attr<kMsg>},
    {"filename", dict_attr<kFilename>, set_dict_attr<kFilename>},
    {"lineno", dict_attr<kLineno>, set_dict_attr<kLineno>},
    {"offset", dict_attr<kOffset>, set_dict_attr<kOffset>},
    {"text", dict_attr<kText>, set_dict_attr<kText>},
    {"end_lineno", dict_attr<kEndLineno>, set_dict_attr<kEndLineno>},
    {"end_offset", dict_attr<kEndOffset>, set_dict_attr<kEndOffset>}};

// Exception(*args, key=value, ...) for the keyword names `keys` (each kept in exception_attrs),
// any other keyword a TypeError: CPython 3.11's ImportError, AttributeError and NameError inits.
bool keyword_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames,
                  std::initializer_list<std::string_view> keys) {
    size_t nkw = kwnames ? size_t(kwnames->size) : 0;
    Tuple* t = new_tuple_from(ts, args, int64_t(nargs - nkw));
    if (!t) return false;
    exc(self)->args = t;
    for (size_t i = 0; i < nkw; ++i) {
        std::string_view k = str_view(kwnames->items[i]);
        if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
            raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for {}()", k,
                   type_name(self));
            return false;
        }
        Dict* d = exception_attrs(ts, self);
        if (!d || !dict_set(ts, d, kwnames->items[i], args[nargs - nkw + i])) return false;
    }
    return true;
}

bool import_error_init(ThreadState& ts, Value self, const Value* args, size_t nargs,
                       Tuple* kwnames) {
    if (!keyword_init(ts, self, args, nargs, kwnames, {"name", "path"})) return false;
    if (nargs - (kwnames ? size_t(kwnames->size) : 0) == 1)
        return set_dict_attr<kMsg>(ts, self, args[0]);
    return true;
}

bool attr_error_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
    return keyword_init(ts, self, args, nargs, kwnames, {"name", "obj"});
}

bool name_error_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
    return keyword_init(ts, self, args, nargs, kwnames, {"name"});
}

// OSError(errno, strerror) makes the subclass for the errno (Objects/exceptions.c errnomap):
// OSError(2, "...") is a FileNotFoundError. The numbers are Linux's, as CPython on Linux sees
// them, whatever the host's <cerrno> says (wasm's differ: its ENOENT is 44).
Type* oserror_subclass(int64_t errnum) {
    switch (errnum) {
        case 11:   // EAGAIN
        case 114:  // EALREADY
        case 115:
            return &exc_BlockingIOError;  // EINPROGRESS
        case 10:
            return &exc_ChildProcessError;  // ECHILD
        case 32:                            // EPIPE
        case 108:
            return &exc_BrokenPipeError;  // ESHUTDOWN
        case 103:
            return &exc_ConnectionAbortedError;
        case 111:
            return &exc_ConnectionRefusedError;
        case 104:
            return &exc_ConnectionResetError;
        case 17:
            return &exc_FileExistsError;  // EEXIST
        case 2:
            return &exc_FileNotFoundError;  // ENOENT
        case 21:
            return &exc_IsADirectoryError;  // EISDIR
        case 20:
            return &exc_NotADirectoryError;  // ENOTDIR
        case 4:
            return &exc_InterruptedError;  // EINTR
        case 13:                           // EACCES
        case 1:
            return &exc_PermissionError;  // EPERM
        case 3:
            return &exc_ProcessLookupError;  // ESRCH
        case 110:
            return &exc_TimeoutError;  // ETIMEDOUT
        default:
            return &exc_OSError;
    }
}

Value oserror_new(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
    const size_t npos = nargs - (kwnames ? size_t(kwnames->size) : 0);
    if (type == &exc_OSError && npos >= 2 && args[0].is_small())
        type = oserror_subclass(args[0].as_small());
    return exc_new(ts, type, args, nargs, kwnames);
}

// OSError(errno, strerror[, filename[, winerror[, filename2]]]): with a filename, args keeps
// only (errno, strerror), as CPython 3.11's oserror_init.
bool oserror_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kw) {
    if (!exc_init(ts, self, args, nargs, kw)) return false;
    if (nargs >= 2 && nargs <= 5) {
        set_dict_attr<kErrno>(ts, self, args[0]);
        set_dict_attr<kStrerror>(ts, self, args[1]);
        if (nargs >= 3 && !args[2].is_none()) {
            set_dict_attr<kFilename>(ts, self, args[2]);
            if (nargs == 5) set_dict_attr<kFilename2>(ts, self, args[4]);
            Tuple* two = new_tuple_from(ts, args, 2);
            if (!two) return false;
            exc(self)->args = two;
        }
    }
    return true;
}

Value oserror_str(ThreadState& ts, Value self) {
    auto attr = [&](const char* name) {
        Value v = exception_attr(self, name);
        return v.is_null() || v.is_none() ? Value::null() : v;
    };
    const Value errnum = attr(kErrno), strerror = attr(kStrerror), filename = attr(kFilename),
                filename2 = attr(kFilename2);
    if (!errnum.is_null() && !strerror.is_null()) {
        std::string e, s, f, f2;
        if (!str_utf8(ts, errnum, &e) || !str_utf8(ts, strerror, &s)) return Value::null();
        if (filename.is_null()) return str_value(ts, fmt::format("[Errno {}] {}", e, s));
        if (!repr_utf8(ts, filename, &f)) return Value::null();
        if (filename2.is_null()) return str_value(ts, fmt::format("[Errno {}] {}: {}", e, s, f));
        if (!repr_utf8(ts, filename2, &f2)) return Value::null();
        return str_value(ts, fmt::format("[Errno {}] {}: {} -> {}", e, s, f, f2));
    }
    return exc_str(ts, self);
}

bool syntax_error_init(ThreadState& ts, Value self, const Value* args, size_t nargs, Tuple* kw) {
    if (!exc_init(ts, self, args, nargs, kw)) return false;
    if (nargs >= 1) set_dict_attr<kMsg>(ts, self, args[0]);
    if (nargs == 2 && is_tuple(args[1])) {
        Tuple* info = args[1].as<Tuple>();
        if (info->size >= 4) {
            set_dict_attr<kFilename>(ts, self, info->items[0]);
            set_dict_attr<kLineno>(ts, self, info->items[1]);
            set_dict_attr<kOffset>(ts, self, info->items[2]);
            set_dict_attr<kText>(ts, self, info->items[3]);
            if (info->size >= 6) {
                set_dict_attr<kEndLineno>(ts, self, info->items[4]);
                set_dict_attr<kEndOffset>(ts, self, info->items[5]);
            }
        }
    }
    return true;
}

Value syntax_error_str(ThreadState& ts, Value self) {
    Value msg = dict_attr<kMsg>(ts, self);
    Value fn = dict_attr<kFilename>(ts, self);
    Value ln = dict_attr<kLineno>(ts, self);
    std::string m;
    if (!str_utf8(ts, msg.is_none() ? first_arg_or_none(self) : msg, &m)) return Value::null();
    if (is_str(fn) && is_int(ln))
        return str_value(ts, fmt::format("{} ({}, line {})", m, str_view(fn), int_to_decimal(ln)));
    if (is_int(ln)) return str_value(ts, fmt::format("{} (line {})", m, int_to_decimal(ln)));
    return str_value(ts, m);
}

// --- ExceptionGroup ----------------------------------------------------------------------------

Value eg_new(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
    if ((kwnames && kwnames->size) || nargs != 2)
        return raisef(ts, &exc_TypeError,
                      "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", nargs);
    if (!is_str(args[0]))
        return raise(ts, &exc_TypeError,
                     "argument 1 must be str, not " + std::string(type_name(args[0])));
    RootedVector excs(ts);
    if (!iterate_into(ts, args[1], excs.v) || !(is_list(args[1]) || is_tuple(args[1])))
        return ts.has_exc()
                   ? Value::null()
                   : raise(ts, &exc_TypeError, "second argument (exceptions) must be a sequence");
    if (excs.v.empty())
        return raise(ts, &exc_ValueError,
                     "second argument (exceptions) must be a non-empty sequence");
    bool all_exceptions = true;
    for (size_t i = 0; i < excs.v.size(); ++i) {
        if (!is_exception_instance(excs.v[i]))
            return raisef(ts, &exc_ValueError,
                          "Item {} of second argument (exceptions) is not an exception", i);
        if (!isinstance_fast(excs.v[i], &exc_Exception)) all_exceptions = false;
    }
    Type* t = type;
    if (t == &exc_BaseExceptionGroup && all_exceptions)
        t = &exc_ExceptionGroup;
    else if (t == &exc_ExceptionGroup && !all_exceptions)
        return raise(ts, &exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    else if (!all_exceptions && is_subtype(t, &exc_Exception))
        return raisef(ts, &exc_TypeError, "Cannot nest BaseExceptions in '{}'",
                      t->name_str->view());
    Tuple* targs = new_tuple_from(ts, args, 2);
    if (!targs) return Value::null();
    Rooted ka(ts, Value::from_ptr(targs));
    Value e = new_exception_args(ts, t, targs);
    if (e.is_null()) return e;
    Rooted ke(ts, e);
    Tuple* et = new_tuple_from(ts, excs.v.data(), int64_t(excs.v.size()));
    if (!et) return Value::null();
    Dict* d = exception_attrs(ts, e);
    if (!d || !dict_set_str(ts, d, names.message, args[0]) ||
        !dict_set_str(ts, d, names.exceptions, Value::from_ptr(et)))
        return Value::null();
    return e;
}

bool eg_init(ThreadState&, Value, const Value*, size_t, Tuple*) {
    return true;
}

Value eg_message(ThreadState&, Value s) {
    Value v = exception_attr(s, "message");
    return v.is_null() ? Value::none() : v;
}
Value eg_exceptions(ThreadState&, Value s) {
    Value v = exception_attr(s, "exceptions");
    return v.is_null() ? Value::none() : v;
}
const GetSetDef kEgGetSets[] = {{"message", eg_message}, {"exceptions", eg_exceptions}};

Value eg_str(ThreadState& ts, Value self) {
    Value m = eg_message(ts, self);
    Value e = eg_exceptions(ts, self);
    int64_t n = is_tuple(e) ? e.as<Tuple>()->size : 0;
    std::string ms;
    if (!str_utf8(ts, m, &ms)) return Value::null();
    return str_value(ts, fmt::format("{} ({} sub-exception{})", ms, n, n == 1 ? "" : "s"));
}

Value eg_derive(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raise(ts, &exc_TypeError, "derive() takes exactly one argument");
    Value args[2] = {eg_message(ts, a[0]), a[1]};
    return eg_new(ts, &exc_BaseExceptionGroup, args, 2, nullptr);
}

Value eg_split(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2)
        return raisef(ts, &exc_TypeError, "split() takes exactly one argument ({} given)", n - 1);
    Value m, r;
    if (!exception_group_split_by(ts, a[0], a[1], &m, &r)) return Value::null();
    Rooted km(ts, m), kr(ts, r);
    Tuple* t = new_tuple(ts, 2);
    if (!t) return Value::null();
    t->items[0] = m;
    t->items[1] = r;
    return Value::from_ptr(t);
}

Value eg_subgroup(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2)
        return raisef(ts, &exc_TypeError, "subgroup() takes exactly one argument ({} given)",
                      n - 1);
    Value m, r;
    if (!exception_group_split_by(ts, a[0], a[1], &m, &r)) return Value::null();
    return m;
}

}  // namespace

// Used by the VM's except* support (vm/exc_group.cpp).
Value exception_group_message(ThreadState& ts, Value eg) {
    return eg_message(ts, eg);
}
Value exception_group_exceptions(ThreadState& ts, Value eg) {
    return eg_exceptions(ts, eg);
}
Value exception_group_new(ThreadState& ts, Type* type, const Value* args, size_t nargs) {
    return eg_new(ts, type, args, nargs, nullptr);
}

namespace {
const MethodDef kEgMethods[] = {
    {"derive", eg_derive}, {"split", eg_split}, {"subgroup", eg_subgroup}};
}

void setup_exception_types(TypeBuilder& b) {
#define PY_EXC(name, base) \
    b.init(exc_##name, #name, &exc_##base, sizeof(BaseException), kTypeBaseType | kTypeException);
    Type& exc_object = object_type;
    (void)exc_object;
#include "python/objects/exceptions.def"
#undef PY_EXC
    Type& be = exc_BaseException;
    be.new_ = exc_new;
    be.init = exc_init;
    be.str = exc_str;
    be.repr = exc_repr;
    be.trace = exc_trace;
    be.dict_offset = offsetof(BaseException, dict);
    b.getsets(be, kExcGetSets);
    b.methods(be, kExcMethods);
    b.getsets(exc_StopIteration, kStopIterGetSets);
    b.getsets(exc_SystemExit, kSysExitGetSets);
    exc_KeyError.str = keyerror_str;
    b.getsets(exc_NameError, kNameErrorGetSets);
    exc_NameError.init = name_error_init;
    b.getsets(exc_AttributeError, kAttrErrorGetSets);
    exc_AttributeError.init = attr_error_init;
    b.getsets(exc_ImportError, kImportErrorGetSets);
    exc_ImportError.init = import_error_init;
    b.getsets(exc_OSError, kOSErrorGetSets);
    exc_OSError.new_ = oserror_new;
    exc_OSError.init = oserror_init;
    exc_OSError.str = oserror_str;
    b.getsets(exc_SyntaxError, kSyntaxErrorGetSets);
    exc_SyntaxError.init = syntax_error_init;
    exc_SyntaxError.str = syntax_error_str;
    exc_BaseExceptionGroup.new_ = eg_new;
    exc_BaseExceptionGroup.init = eg_init;
    exc_BaseExceptionGroup.str = eg_str;
    b.getsets(exc_BaseExceptionGroup, kEgGetSets);
    b.methods(exc_BaseExceptionGroup, kEgMethods);
    // ExceptionGroup(BaseExceptionGroup, Exception): the second base joins its MRO.
    Tuple* bases = new_tuple_heap(b.heap(), 2);
    bases->items[0] = Value::from_ptr(&exc_BaseExceptionGroup);
    bases->items[1] = Value::from_ptr(&exc_Exception);
    exc_ExceptionGroup.bases = bases;
}

}  // namespace interleave::python
