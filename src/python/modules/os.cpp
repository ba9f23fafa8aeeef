// posix, os's native part (os.py imports it): the process identity functions getpid/getppid/
// cpu_count and _exit, from the run, never the host: each simulated process has its own pid;
// threads share it. As in CPython on Linux they live in the module `posix`, so their
// __module__ is 'posix' and pickle refers to them as posix.getpid. The rest of os (path, sep,
// environ, ...) is Python: modules/os.py.
//
// ✓ getpid(): kPidBase + the simulated process's index (main process 0 -> 1000, the first
//   multiprocessing child 1 -> 1001, ...), so pids are stable run to run and never 0
// ✓ getppid(): the main process's pid for a child; kPidBase - 1 for the main process (the
//   playground itself)
// ✓ cpu_count(): the run's machine (Machine::cpu_count: the host's, or the simulated cores)
// ✓ _exit(status): the simulated process ends at once with status & 0xFF (its exit status, or
//   a multiprocessing child's exitcode): no except/finally runs, non-daemon threads are not
//   joined, threading's atexit callbacks do not run, the other threads of the process stop at
//   their next cancellation point, and the unfinished line of stdout/stderr is lost (no
//   flush). Lines already ended were written: the playground's streams are line-buffered, as
//   CPython's are on a terminal (to a pipe CPython loses all its unflushed output)
#include "engine/machine.hpp"
#include "engine/runtime.hpp"
#include "python/builtins/builtins.hpp"
#include "python/modules/module_def.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Value end_process_now(ThreadState& ts, int status) {
    int none = -1;
    ts.interp.os_exit_status.compare_exchange_strong(none, status & 0xFF);
    discard_partial_lines(ts);
    // The other threads of this process stop at their next cancellation point; whoever ends
    // the process reads os_exit_status (run_main, a child's entry).
    if (ts.rt && ts.interp.thread_count() > 1) ts.rt->kill_process(ts.interp.process, 9);
    return raise_stopped(ts);  // this thread unwinds with no handler run
}

namespace {

constexpr int64_t kPidBase = 1000;

Value os_getpid(ThreadState& ts, const Value*, size_t n, Tuple*) {
    if (n) return raisef(ts, &exc_TypeError, "os.getpid() takes no arguments ({} given)", n);
    return Value::from_small(kPidBase + ts.interp.process);
}

Value os_getppid(ThreadState& ts, const Value*, size_t n, Tuple*) {
    if (n) return raisef(ts, &exc_TypeError, "os.getppid() takes no arguments ({} given)", n);
    return Value::from_small(ts.interp.process == 0 ? kPidBase - 1 : kPidBase);
}

Value os_cpu_count(ThreadState& ts, const Value*, size_t n, Tuple*) {
    if (n) return raisef(ts, &exc_TypeError, "os.cpu_count() takes no arguments ({} given)", n);
    if (!ts.interp.rt) return Value::from_small(1);
    return Value::from_small(int64_t(ts.interp.rt->machine().cpu_count()));
}

Value os_exit_now(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    const size_t nkw = kw ? size_t(kw->size) : 0;
    Value status = n - nkw >= 1 ? a[0] : Value::null();
    if (n > 1) return raisef(ts, &exc_TypeError, "_exit() takes at most 1 argument ({} given)", n);
    if (nkw == 1) {
        if (str_view(kw->items[0]) != "status")
            return raisef(ts, &exc_TypeError, "_exit() got an unexpected keyword argument '{}'",
                          str_view(kw->items[0]));
        status = a[n - 1];
    }
    if (status.is_null())
        return raise(ts, &exc_TypeError, "_exit() missing required argument 'status' (pos 1)");
    if (status.is_double())
        return raise(ts, &exc_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t code;
    if (!index_i64(ts, status, &code, &exc_OverflowError)) return Value::null();
    if (code > INT32_MAX || code < INT32_MIN)
        return raise(ts, &exc_OverflowError, "Python int too large to convert to C int");
    return end_process_now(ts, int(code));
}

const MethodDef kOsFunctions[] = {
    {"_exit", os_exit_now},
    {"getpid", os_getpid},
    {"getppid", os_getppid},
    {"cpu_count", os_cpu_count},
};

}  // namespace

bool init_posix(ThreadState& ts, Module* m) {
    return add_functions(ts, m, kOsFunctions);
}

}  // namespace interleave::python
