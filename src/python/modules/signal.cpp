// _signal, signal's native part (signal.py wraps it, as CPython's Lib/signal.py wraps its C
// module): default_int_handler, and the end of a process by a signal's default action.
#include "python/modules/module_def.hpp"

#include "engine/runtime.hpp"
#include "python/builtins/builtins.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

// default_int_handler(signalnum, frame): SIGINT's handler raises KeyboardInterrupt.
Value sig_default_int_handler(ThreadState& ts, const Value*, size_t, Tuple*) {
    Value e = new_exception_args(ts, &exc_KeyboardInterrupt, empty_tuple());
    return e.is_null() ? e : raise_instance(ts, e);
}

// _die(signalnum): the default action of a terminating signal. A multiprocessing child ends
// as one killed by it (exitcode -signalnum, as Process.terminate()); the main program ends
// at once with status 128 + signalnum, what a shell reports for CPython killed by it (the
// playground cannot die of a signal). Nothing flushed, no handler or finally runs.
Value sig_die(ThreadState& ts, const Value* a, size_t, Tuple*) {
    int64_t sig;
    if (!index_i64(ts, a[0], &sig)) return Value::null();
    if (ts.interp.process != 0 && ts.rt) {
        discard_partial_lines(ts);
        ts.rt->kill_process(ts.interp.process, int(sig));
        return raise_stopped(ts);
    }
    return end_process_now(ts, 128 + int(sig));
}

const MethodDef kSignalFunctions[] = {
    {"default_int_handler", sig_default_int_handler, meth_pos(2, 2)},
    {"_die", sig_die, kMethO},
};

}  // namespace

bool init__signal(ThreadState& ts, Module* m) {
    return add_functions(ts, m, kSignalFunctions);
}

}  // namespace interleave::python
