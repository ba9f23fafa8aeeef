// pickle (CPython 3.11's Lib/pickle.py API over the codec in pickle_codec.cpp): dumps, loads
// and the exception classes (named _pickle.PicklingError etc., as CPython's C accelerator's).
#include "python/modules/module_def.hpp"
#include "python/modules/multiprocessing_sources.hpp"
#include "python/modules/pickle_codec.hpp"
#include "python/vm/errors.hpp"

namespace interleave::python {

namespace {

// dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None): protocol 4 bytes.
Value p_dumps(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    size_t npos = n - (kw ? size_t(kw->size) : 0);
    if (npos < 1)
        return raise(ts, &exc_TypeError, "dumps() missing required argument 'obj' (pos 1)");
    std::string out;
    if (!pickle_dumps(ts, a[0], &out, nullptr)) return Value::null();
    Bytes* b = new_bytes(ts, out);
    return b ? Value::from_ptr(b) : Value::null();
}

Value p_loads(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    size_t npos = n - (kw ? size_t(kw->size) : 0);
    if (npos < 1)
        return raise(ts, &exc_TypeError, "loads() missing required argument 'data' (pos 1)");
    if (!is_type(a[0], &bytes_type))
        return raisef(ts, &exc_TypeError, "a bytes-like object is required, not '{}'",
                      type_name(a[0]));
    return pickle_loads(ts, a[0].as<Bytes>()->view(), nullptr);
}

const MethodDef kFunctions[] = {{"dumps", p_dumps}, {"loads", p_loads}};

}  // namespace

const char* const kPickleSource = R"PY(
HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4

class PickleError(Exception):
    __module__ = '_pickle'

class PicklingError(PickleError):
    __module__ = '_pickle'

class UnpicklingError(PickleError):
    __module__ = '_pickle'
)PY";

bool init_pickle(ThreadState& ts, Module* m) {
    return add_functions(ts, m, kFunctions);
}

}  // namespace interleave::python
