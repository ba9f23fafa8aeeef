// os: the process identity part (CPython's posix module functions getpid/getppid/cpu_count),
// from the run, never the host: each simulated process has its own pid; threads share it.
// The rest of os (path, sep, environ, ...) is Python: modules/os.py.
//
// ✓ getpid(): kPidBase + the simulated process's index (main process 0 -> 1000, the first
//   multiprocessing child 1 -> 1001, ...), so pids are stable run to run and never 0
// ✓ getppid(): the main process's pid for a child; kPidBase - 1 for the main process (the
//   playground itself)
// ✓ cpu_count(): the run's machine (Machine::cpu_count: the host's, or the simulated cores)
#include "engine/machine.hpp"
#include "engine/runtime.hpp"
#include "python/modules/module_def.hpp"
#include "python/vm/errors.hpp"

namespace interleave::python {

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

const MethodDef kOsFunctions[] = {
    {"getpid", os_getpid},
    {"getppid", os_getppid},
    {"cpu_count", os_cpu_count},
};

}  // namespace

bool init_os(ThreadState& ts, Module* m) {
    return add_functions(ts, m, kOsFunctions);
}

}  // namespace interleave::python
