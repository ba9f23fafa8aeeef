// time (CPython 3.11's Modules/timemodule.c, the playground's part): sleep through the engine
// (the GIL is released, stop ends it), clocks from the run's clock.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>

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
        raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer",
               type_name(a[0]));
        return false;
    }
    return number_to_double(ts, a[0], out);
}

// The simulated machine's cost of time.sleep's system call (docs/simulated-machine.md, beside
// engine/machine.hpp's costs): the least any sleep takes there, with the GIL released. 2 us, as
// a print(): a system call on a current Linux laptop.
constexpr double kSleepCallS = 2e-6;

Value t_sleep(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    double s;
    if (!one_number(ts, a, n, "sleep", &s)) return Value::null();
    if (std::isnan(s)) return raise(ts, &exc_ValueError, "Invalid value NaN (not a number)");
    if (s < 0) return raise(ts, &exc_ValueError, "sleep length must be non-negative");
    if (!ts.rt)  // run_detached (VM unit tests): no engine run to wait on
        return raise(ts, &exc_RuntimeError, "time.sleep() needs an engine run (python::run_main)");
    // CPython 3.11's pysleep drops the GIL, enters the kernel (clock_nanosleep) and takes the
    // GIL back, even for sleep(0): a thread waiting for the GIL gets it meanwhile. The real
    // machine does that for real; the simulated one gives the call its cost (kSleepCallS), so
    // a waiter takes the GIL first there too and the GIL view shows the sleep.
    if (ts.rt->machine().simulated()) s = std::max(s, kSleepCallS);
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

// The run's local zone (RunConfig::local_zone, read once by Run::start on its caller's thread).
// Never libc's localtime/tzset here: in the browser a Web Worker's tzset waits for the page's
// main thread (issue #8). No run (run_detached) or no zone given: UTC.
const engine::LocalZone& zone_of(ThreadState& ts) {
    static const engine::LocalZone kUtc;
    return ts.rt && ts.rt->config().local_zone ? *ts.rt->config().local_zone : kUtc;
}

void set_zone(std::tm& tm, long gmtoff, const char* name) {
#ifdef __EMSCRIPTEN__
    tm.__tm_gmtoff = gmtoff;
    tm.__tm_zone = name;
#else
    tm.tm_gmtoff = gmtoff;
    tm.tm_zone = name;
#endif
}

// Seconds since the epoch as broken-down UTC, on the proleptic Gregorian calendar (CPython
// floors fractional seconds). Computed here, not by libc: Emscripten 3.1.6's gmtime_r calls
// tzset (a Web Worker then waits for the page's main thread) and truncates time_t to 32 bits.
// `s` must be finite and within kMaxSeconds (check_seconds).
constexpr double kMaxSeconds = 1e16;  // ~3e8 years: tm_year fits an int
void utc_tm(double s, std::tm& tm) {
    const int64_t secs = int64_t(std::floor(s));
    const int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    const int64_t rem = secs - days * 86400;
    tm.tm_hour = int(rem / 3600);
    tm.tm_min = int(rem % 3600 / 60);
    tm.tm_sec = int(rem % 60);
    tm.tm_wday = int((days % 7 + 11) % 7);  // 1970-01-01 was a Thursday (4)
    // Days to a date in 400-year eras of 146097 days, years starting on March 1 (the leap
    // day last): the civil-from-days arithmetic of the Gregorian calendar.
    const int64_t z = days + 719468;  // days since 0000-03-01
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;                                       // [0, 146096]
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // from March 1
    const int64_t mp = (5 * doy + 2) / 153;                                     // March = 0
    const int64_t month = mp < 10 ? mp + 3 : mp - 9;                            // 1..12
    const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    tm.tm_mday = int(doy - (153 * mp + 2) / 5 + 1);
    tm.tm_mon = int(month - 1);
    tm.tm_year = int(year - 1900);
    tm.tm_yday = int(month <= 2 ? doy - 306 : doy + 59 + (leap ? 1 : 0));
    tm.tm_isdst = 0;
    set_zone(tm, 0, "GMT");  // as glibc's gmtime (CPython on Linux)
}

// CPython's checks on a timestamp for gmtime/localtime.
bool check_seconds(ThreadState& ts, double s) {
    if (std::isnan(s)) {
        raise(ts, &exc_ValueError, "Invalid value NaN (not a number)");
        return false;
    }
    if (!(std::fabs(s) < kMaxSeconds)) {
        raise(ts, &exc_OverflowError, "timestamp out of range for platform time_t");
        return false;
    }
    return true;
}

// ... and as the run's local time: UTC shifted by the zone's offset.
void local_tm(ThreadState& ts, double s, std::tm& tm) {
    const engine::LocalZone& z = zone_of(ts);
    utc_tm(std::floor(s) + z.utc_offset_s, tm);
    tm.tm_isdst = z.dst ? 1 : 0;
    set_zone(tm, z.utc_offset_s, z.name.c_str());
}

// `format` with %z and %Z written out from tm's zone fields (as glibc's strftime does):
// Emscripten 3.1.6's strftime gets %z wrong for offsets that are not whole hours ("+0580" for
// +05:30). A '%' in a zone name is doubled so strftime prints it as it is.
std::string with_zone(std::string_view format, const std::tm& tm) {
#ifdef __EMSCRIPTEN__
    const long gmtoff = tm.__tm_gmtoff;
    const char* zone = tm.__tm_zone;
#else
    const long gmtoff = tm.tm_gmtoff;
    const char* zone = tm.tm_zone;
#endif
    std::string out;
    out.reserve(format.size() + 8);
    for (size_t i = 0; i < format.size(); ++i) {
        const char c = format[i];
        if (c != '%' || i + 1 == format.size()) {
            out += c;
            continue;
        }
        const char d = format[++i];
        if (d == 'z') {
            const long m = (gmtoff < 0 ? -gmtoff : gmtoff) / 60;
            char z[48];  // room for any long: the compiler cannot bound gmtoff
            std::snprintf(z, sizeof z, "%c%02ld%02ld", gmtoff < 0 ? '-' : '+', m / 60, m % 60);
            out += z;
        } else if (d == 'Z') {
            for (const char* p = zone ? zone : ""; *p; ++p)
                out += *p == '%' ? "%%" : std::string(1, *p);
        } else {
            out += c;
            out += d;
        }
    }
    return out;
}

// strftime(format[, tuple[, tm_zone, tm_gmtoff]]): time.py passes a struct_time's zone fields
// (gmtime's 'UTC'; localtime's the run's zone); a plain tuple gets the run's zone, as CPython.
Value t_strftime(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 1 || !is_str(a[0]))
        return raise(ts, &exc_TypeError, "strftime() argument 1 must be str");
    const engine::LocalZone& z = zone_of(ts);
    std::tm tm{};
    std::string zone_name = z.name;
    if (n > 1 && !a[1].is_none()) {
        if (!is_tuple(a[1]) || a[1].as<Tuple>()->size < 9)
            return raise(ts, &exc_TypeError, "Tuple or struct_time argument required");
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
        int64_t gmtoff = z.utc_offset_s;
        if (n > 3 && is_str(a[2]) && is_int(a[3])) {
            zone_name = std::string(str_view(a[2]));
            if (!index_i64(ts, a[3], &gmtoff)) return Value::null();
        }
        set_zone(tm, long(gmtoff), zone_name.c_str());
    } else {
        local_tm(ts, epoch_s(ts), tm);
    }
    const std::string fmt = with_zone(str_view(a[0]), tm);
    char buf[512];
    size_t len = std::strftime(buf, sizeof buf, fmt.c_str(), &tm);
    return str_value(ts, std::string_view(buf, len));
}

Value struct_time(ThreadState& ts, const std::tm& tm) {
    Tuple* t = new_tuple(ts, 9);
    if (!t) return Value::null();
    int v[9] = {tm.tm_year + 1900, tm.tm_mon + 1,        tm.tm_mday,     tm.tm_hour, tm.tm_min,
                tm.tm_sec,         (tm.tm_wday + 6) % 7, tm.tm_yday + 1, tm.tm_isdst};
    for (int i = 0; i < 9; ++i) t->items[i] = Value::from_small(v[i]);
    return Value::from_ptr(t);
}

Value t_localtime(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    double s = epoch_s(ts);
    if (n > 0 && !a[0].is_none() && !number_to_double(ts, a[0], &s)) return Value::null();
    if (!check_seconds(ts, s)) return Value::null();
    std::tm tm{};
    local_tm(ts, s, tm);
    return struct_time(ts, tm);
}
Value t_gmtime(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    double s = epoch_s(ts);
    if (n > 0 && !a[0].is_none() && !number_to_double(ts, a[0], &s)) return Value::null();
    if (!check_seconds(ts, s)) return Value::null();
    std::tm tm{};
    utc_tm(s, tm);
    return struct_time(ts, tm);
}

// _local_zone() -> (tm_zone, tm_gmtoff, tm_isdst, jan_zone, jan_gmtoff, jul_zone, jul_gmtoff)
// of the run's local time (time.py's struct_time fields, and tzname/timezone/altzone/daylight
// from January's and July's). A zone without seasons gives its one offset for both.
Value t_local_zone(ThreadState& ts, const Value*, size_t, Tuple*) {
    const engine::LocalZone& z = zone_of(ts);
    const engine::LocalZone::Season one{z.utc_offset_s, z.name};
    const engine::LocalZone::Season& jan = z.january ? *z.january : one;
    const engine::LocalZone::Season& jul = z.july ? *z.july : one;
    Tuple* t = new_tuple(ts, 7);
    if (!t) return Value::null();
    Rooted keep(ts, Value::from_ptr(t));
    for (size_t i = 0; i < 7; ++i) t->items[i] = Value::none();  // rooted before allocating
    const std::string* names[3] = {&z.name, &jan.name, &jul.name};
    const int32_t offsets[3] = {z.utc_offset_s, jan.utc_offset_s, jul.utc_offset_s};
    for (size_t k = 0; k < 3; ++k) {
        Value name = str_value(ts, *names[k]);
        if (name.is_null()) return Value::null();
        const size_t at = k == 0 ? 0 : 2 * k + 1;
        t->items[at] = name;
        t->items[at + 1] = Value::from_small(offsets[k]);
    }
    t->items[2] = Value::from_small(z.dst ? 1 : 0);
    return Value::from_ptr(t);
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
    {"_local_zone", t_local_zone},
};

}  // namespace

bool init_time(ThreadState& ts, Module* m) {
    return add_functions(ts, m, kTimeFunctions);
}

}  // namespace interleave::python
