// sys (CPython 3.11's Python/sysmodule.c, the parts the playground needs): argv, exit, stdout/
// stderr, recursion and switch-interval settings, version information, modules.
#include "engine/gil.hpp"
#include "python/builtins/builtins.hpp"
#include "python/modules/module_def.hpp"
#include "python/objects/int.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Type stream_type;

namespace {

struct Stream : Object {
    bool err = false;
};

Value s_write(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2)
        return raisef(ts, &exc_TypeError, "write() takes exactly one argument ({} given)", n - 1);
    if (!is_str(a[1]))
        return raisef(ts, &exc_TypeError, "write() argument must be str, not {}", type_name(a[1]));
    if (!write_stream(ts, static_cast<Stream*>(a[0].as_ptr())->err, str_view(a[1])))
        return Value::null();
    return Value::from_small(a[1].as<Str>()->length);
}
Value s_flush(ThreadState& ts, const Value*, size_t, Tuple*) {
    if (!flush_streams(ts)) return Value::null();
    return Value::none();
}
Value s_writelines(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    if (n != 2) return raise(ts, &exc_TypeError, "writelines() takes exactly one argument");
    RootedVector items(ts);
    if (!iterate_into(ts, a[1], items.v)) return Value::null();
    for (Value v : items.v) {
        Value args[2] = {a[0], v};
        if (s_write(ts, args, 2, kw).is_null()) return Value::null();
    }
    return Value::none();
}
Value s_isatty(ThreadState&, const Value*, size_t, Tuple*) {
    return Value::false_();
}
const MethodDef kStreamMethods[] = {
    {"write", s_write}, {"flush", s_flush}, {"writelines", s_writelines}, {"isatty", s_isatty}};
Value s_repr(ThreadState& ts, Value self) {
    bool err = static_cast<Stream*>(self.as_ptr())->err;
    return str_value(ts, fmt::format("<_io.TextIOWrapper name='<{}>' mode='w' encoding='utf-8'>",
                                     err ? "stderr" : "stdout"));
}
Value s_encoding(ThreadState& ts, Value) {
    return str_value(ts, "utf-8");
}
Value s_name(ThreadState& ts, Value self) {
    return str_value(ts, static_cast<Stream*>(self.as_ptr())->err ? "<stderr>" : "<stdout>");
}
Value s_mode(ThreadState& ts, Value) {
    return str_value(ts, "w");
}
const GetSetDef kStreamGetSets[] = {{"encoding", s_encoding}, {"name", s_name}, {"mode", s_mode}};

Value sys_exit(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n > 1) return raisef(ts, &exc_TypeError, "exit expected at most 1 argument, got {}", n);
    // sys.exit(None) is sys.exit(): PyErr_SetObject(SystemExit, None) makes args ().
    if (n == 1 && a[0].is_none()) n = 0;
    Tuple* args = new_tuple_from(ts, a, int64_t(n));
    return raise_instance(ts, new_exception_args(ts, &exc_SystemExit, args));
}
Value sys_getrecursionlimit(ThreadState& ts, const Value*, size_t, Tuple*) {
    return Value::from_small(ts.interp.recursion_limit);
}
Value sys_setrecursionlimit(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1 || !is_int(a[0]))
        return raise(ts, &exc_TypeError, "setrecursionlimit() argument must be an int");
    int64_t v;
    if (!int_to_i64(ts, a[0], &v)) return Value::null();
    if (v < 1) return raise(ts, &exc_ValueError, "recursion limit must be greater or equal than 1");
    if (v <= ts.py_depth)
        return raisef(
            ts, &exc_RecursionError,
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            v, ts.py_depth);
    ts.interp.recursion_limit = int(std::min<int64_t>(v, 1 << 20));
    return Value::none();
}
Value sys_getswitchinterval(ThreadState& ts, const Value*, size_t, Tuple*) {
    return Value::from_double(ts.interp.switch_interval_s);
}
Value sys_setswitchinterval(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    double d;
    if (n != 1 || !number_to_double(ts, a[0], &d)) {
        if (!ts.has_exc())
            raise(ts, &exc_TypeError, "setswitchinterval() takes exactly one argument");
        return Value::null();
    }
    if (d <= 0) return raise(ts, &exc_ValueError, "switch interval must be strictly positive");
    ts.interp.switch_interval_s = d;
    // The process's GIL takes it from its waiters' next round (free-threaded: no GIL, kept
    // for getswitchinterval only, as 3.13t).
    if (ts.gil) ts.gil->set_switch_interval_ms(d * 1e3);
    return Value::none();
}
Value sys_intern(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1 || !is_exact_str(a[0]))
        return raise(ts, &exc_TypeError, "intern() argument must be str");
    Str* s = intern_str(ts, str_view(a[0]));
    return s ? Value::from_ptr(s) : Value::null();
}
Value sys_exc_info(ThreadState& ts, const Value*, size_t, Tuple*) {
    Tuple* t = new_tuple(ts, 3);
    if (!t) return Value::null();
    Value e = ts.exc_info;
    if (e.is_null() || e.is_none()) {
        t->items[0] = t->items[1] = t->items[2] = Value::none();
    } else {
        t->items[0] = Value::from_ptr(type_of(e));
        t->items[1] = e;
        Value tb = e.as<BaseException>()->traceback;
        t->items[2] = tb.is_null() ? Value::none() : tb;
    }
    return Value::from_ptr(t);
}
Value sys_exception(ThreadState& ts, const Value*, size_t, Tuple*) {
    return ts.exc_info.is_null() ? Value::none() : ts.exc_info;
}
Value sys_get_int_max_str_digits(ThreadState& ts, const Value*, size_t, Tuple*) {
    return Value::from_small(ts.interp.int_max_str_digits);
}
Value sys_set_int_max_str_digits(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    size_t np = n - (kw ? size_t(kw->size) : 0);
    if (n != 1)
        return raise(ts, &exc_TypeError, "set_int_max_str_digits() takes exactly one argument");
    (void)np;
    int64_t v;
    if (!index_i64(ts, a[0], &v)) return Value::null();
    if (v != 0 && v < 640)
        return raise(ts, &exc_ValueError, "maxdigits must be 0 or larger than 640");
    ts.interp.int_max_str_digits = int(v);
    return Value::none();
}
Value sys_getsizeof(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 1)
        return raise(ts, &exc_TypeError, "getsizeof() missing required argument 'object' (pos 1)");
    Type* t = type_of(a[0]);
    return Value::from_small(int64_t(t->instance_size ? t->instance_size : 24));
}

const MethodDef kSysFunctions[] = {
    {"exit", sys_exit},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"getswitchinterval", sys_getswitchinterval},
    {"setswitchinterval", sys_setswitchinterval},
    {"intern", sys_intern},
    {"exc_info", sys_exc_info},
    {"exception", sys_exception},
    {"get_int_max_str_digits", sys_get_int_max_str_digits},
    {"set_int_max_str_digits", sys_set_int_max_str_digits},
    {"getsizeof", sys_getsizeof},
};

Value make_stream(ThreadState& ts, bool err) {
    Stream* s = ts.heap.make<Stream>(&stream_type, sizeof(Stream));
    if (!s) return raise_memory_error(ts);
    s->err = err;
    return Value::from_ptr(s);
}

}  // namespace

bool is_std_stream(Value v) {
    return is_type(v, &stream_type);
}

bool std_stream_is_err(Value v) {
    return is_type(v, &stream_type) && static_cast<Stream*>(v.as_ptr())->err;
}

void setup_stream_type(TypeBuilder& b) {
    b.init(stream_type, "_io.TextIOWrapper", nullptr, sizeof(Stream), 0);
    stream_type.repr = s_repr;
    b.methods(stream_type, kStreamMethods);
    b.getsets(stream_type, kStreamGetSets);
}

bool init_sys(ThreadState& ts, Module* m) {
    if (!add_functions(ts, m, kSysFunctions)) return false;
    List* argv = new_list(ts, 0);
    if (!argv) return false;
    for (const std::string& a : ts.interp.config.argv) list_append(ts, argv, str_value(ts, a));
    add_value(ts, m, "argv", Value::from_ptr(argv));
    Value out = make_stream(ts, false), err = make_stream(ts, true);
    add_value(ts, m, "stdout", out);
    add_value(ts, m, "stderr", err);
    add_value(ts, m, "__stdout__", out);
    add_value(ts, m, "__stderr__", err);
    add_value(ts, m, "modules", Value::from_ptr(ts.interp.modules));
    add_value(ts, m, "maxsize", int_from_i64(ts, INT64_MAX));
    add_value(ts, m, "platform", str_value(ts, "linux"));
    add_value(ts, m, "byteorder", str_value(ts, "little"));
    add_value(ts, m, "version", str_value(ts, "3.11.7 (interleave)"));
    add_value(ts, m, "implementation_name", str_value(ts, "interleave"));
    Tuple* vi = new_tuple(ts, 5);
    if (!vi) return false;
    vi->items[0] = Value::from_small(3);
    vi->items[1] = Value::from_small(11);
    vi->items[2] = Value::from_small(7);
    vi->items[3] = str_value(ts, "final");
    vi->items[4] = Value::from_small(0);
    add_value(ts, m, "version_info", Value::from_ptr(vi));
    add_value(ts, m, "hexversion", Value::from_small(0x030B07F0));
    return !ts.has_exc();
}

}  // namespace interleave::python
