// time (CPython 3.11's Modules/timemodule.c, the playground's part): sleep through the engine
// (the GIL is released, stop ends it), clocks from the run's clock.
#include <cmath>
#include <ctime>

#include "engine/clock.hpp"
#include "engine/runtime.hpp"
#include "python/modules/module_def.hpp"
#include "python/objects/int.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"
#include "python/vm/thread_start.hpp"

namespace interleave::python {

namespace {

bool one_number(ThreadState& ts, const Value* a, size_t n, const char* fn, double* out) {
    if (n != 1) {
        raisef(ts, &exc_TypeError, "{}() takes exactly one argument ({} given)", fn, n);
        return false;
    }
    if (!a[0].is_double() && !is_int(a[0])) {
        raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer", type_name(a[0]));
        return false;
    }
    return number_to_double(ts, a[0], out);
}

Value t_sleep(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    double s;
    if (!one_number(ts, a, n, "sleep", &s)) return Value::null();
    if (std::isnan(s)) return raise(ts, &exc_ValueError, "Invalid value NaN (not a number)");
    if (s < 0) return raise(ts, &exc_ValueError, "sleep length must be non-negative");
    if (!ts.rt)  // run_detached (VM unit tests): no engine run to wait on
        return raise(ts, &exc_RuntimeError, "time.sleep() needs an engine run (python::run_main)");
    try {
        ts.rt->timed_wait(s, engine::WorkerState::io_wait);
    } catch (const engine::RunStopped&) {
        return raise_stopped(ts);
    }
    if (!thread_may_continue(ts)) return Value::null();  // a daemon woke after shutdown began
    return Value::none();
}

// Without an engine run (run_detached) time still moves: a clock of its own, the engine's.
const engine::Clock& detached_clock() {
    static const engine::Clock clock;
    return clock;
}

int64_t mono_ns(ThreadState& ts) {
    return ts.rt ? ts.rt->now_ns() : detached_clock().now_ns();
}

// Unix time: the run's epoch (fixed on the simulated machine) plus its clock.
double epoch_s(ThreadState& ts) {
    const int64_t e = ts.rt ? ts.rt->epoch_ns() : detached_clock().epoch_ns();
    return double(e + mono_ns(ts)) / 1e9;
}

// The engine's per-worker running time: CPU time natively, busy time in wasm and on the
// simulated machine (so it holds in the browser).
int64_t thread_cpu_ns(ThreadState& ts) {
    return ts.ctx ? ts.ctx->thread_time_ns() : mono_ns(ts);
}

// ✗ process_time counts the calling thread's running time only (the engine keeps no sum over a
// process's threads yet).
int64_t process_cpu_ns(ThreadState& ts) {
    return thread_cpu_ns(ts);
}

Value t_time(ThreadState& ts, const Value*, size_t, Tuple*) {
    return Value::from_double(epoch_s(ts));
}
Value t_time_ns(ThreadState& ts, const Value*, size_t, Tuple*) {
    return int_from_i64(ts, int64_t(epoch_s(ts) * 1e9));
}
Value t_monotonic(ThreadState& ts, const Value*, size_t, Tuple*) {
    return Value::from_double(double(mono_ns(ts)) / 1e9);
}
Value t_monotonic_ns(ThreadState& ts, const Value*, size_t, Tuple*) {
    return int_from_i64(ts, mono_ns(ts));
}
Value t_thread_time(ThreadState& ts, const Value*, size_t, Tuple*) {
    return Value::from_double(double(thread_cpu_ns(ts)) / 1e9);
}
Value t_thread_time_ns(ThreadState& ts, const Value*, size_t, Tuple*) {
    return int_from_i64(ts, thread_cpu_ns(ts));
}
Value t_process_time(ThreadState& ts, const Value*, size_t, Tuple*) {
    return Value::from_double(double(process_cpu_ns(ts)) / 1e9);
}
Value t_process_time_ns(ThreadState& ts, const Value*, size_t, Tuple*) {
    return int_from_i64(ts, process_cpu_ns(ts));
}

Value t_strftime(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 1 || !is_str(a[0])) return raise(ts, &exc_TypeError, "strftime() argument 1 must be str");
    std::time_t now = std::time_t(epoch_s(ts));
    if (n > 1) {
        if (!is_tuple(a[1]) || a[1].as<Tuple>()->size < 9)
            return raise(ts, &exc_TypeError, "Tuple or struct_time argument required");
        std::tm tm{};
        Tuple* t = a[1].as<Tuple>();
        int64_t f[9];
        for (int i = 0; i < 9; ++i)
            if (!index_i64(ts, t->items[i], &f[i])) return Value::null();
        tm.tm_year = int(f[0] - 1900);
        tm.tm_mon = int(f[1] - 1);
        tm.tm_mday = int(f[2]);
        tm.tm_hour = int(f[3]);
        tm.tm_min = int(f[4]);
        tm.tm_sec = int(f[5]);
        tm.tm_wday = int((f[6] + 1) % 7);
        tm.tm_yday = int(f[7] - 1);
        tm.tm_isdst = int(f[8]);
        char buf[512];
        size_t len = std::strftime(buf, sizeof buf, std::string(str_view(a[0])).c_str(), &tm);
        return str_value(ts, std::string_view(buf, len));
    }
    std::tm tm{};
    localtime_r(&now, &tm);
    char buf[512];
    size_t len = std::strftime(buf, sizeof buf, std::string(str_view(a[0])).c_str(), &tm);
    return str_value(ts, std::string_view(buf, len));
}

Value struct_time(ThreadState& ts, const std::tm& tm) {
    Tuple* t = new_tuple(ts, 9);
    if (!t) return Value::null();
    int v[9] = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                tm.tm_sec, (tm.tm_wday + 6) % 7, tm.tm_yday + 1, tm.tm_isdst};
    for (int i = 0; i < 9; ++i) t->items[i] = Value::from_small(v[i]);
    return Value::from_ptr(t);
}

Value t_localtime(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    double s = epoch_s(ts);
    if (n > 0 && !a[0].is_none() && !number_to_double(ts, a[0], &s)) return Value::null();
    std::time_t tt = std::time_t(s);
    std::tm tm{};
    localtime_r(&tt, &tm);
    return struct_time(ts, tm);
}
Value t_gmtime(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    double s = epoch_s(ts);
    if (n > 0 && !a[0].is_none() && !number_to_double(ts, a[0], &s)) return Value::null();
    std::time_t tt = std::time_t(s);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    return struct_time(ts, tm);
}

const MethodDef kTimeFunctions[] = {
    {"sleep", t_sleep},
    {"time", t_time},
    {"time_ns", t_time_ns},
    {"monotonic", t_monotonic},
    {"monotonic_ns", t_monotonic_ns},
    {"perf_counter", t_monotonic},
    {"perf_counter_ns", t_monotonic_ns},
    {"thread_time", t_thread_time},
    {"thread_time_ns", t_thread_time_ns},
    {"process_time", t_process_time},
    {"process_time_ns", t_process_time_ns},
    {"strftime", t_strftime},
    {"localtime", t_localtime},
    {"gmtime", t_gmtime},
};

}  // namespace

bool init_time(ThreadState& ts, Module* m) {
    return add_functions(ts, m, kTimeFunctions);
}

}  // namespace interleave::python
