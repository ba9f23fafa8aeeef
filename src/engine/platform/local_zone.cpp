// The host's local time zone (run.hpp: host_local_zone): libc's localtime_r, natively from TZ
// or /etc/localtime, in the browser from the page's JS Date (Emscripten 3.1.6's tzset, which
// a Web Worker proxies to the page's main thread and waits for: hence only Run::start's caller
// reads it, once per run).
#include <time.h>

#include "engine/clock_source.hpp"
#include "engine/run.hpp"

namespace interleave::engine {

namespace {

// The offset and name of local time at `when`; false if libc knows no zone.
bool zone_at(time_t when, tm& t, LocalZone::Season& out) {
    if (!localtime_r(&when, &t)) return false;
#ifdef __EMSCRIPTEN__
    out.utc_offset_s = static_cast<int32_t>(t.__tm_gmtoff);
    const char* name = t.__tm_zone;
#else
    out.utc_offset_s = static_cast<int32_t>(t.tm_gmtoff);
    const char* name = t.tm_zone;
#endif
    if (name && *name) out.name = name;
    return true;
}

}  // namespace

LocalZone host_local_zone() {
    const time_t now = static_cast<time_t>(platform::unix_ns() / 1'000'000'000);
    tm t{};
    LocalZone z;
    LocalZone::Season current;
    if (!zone_at(now, t, current)) return z;  // no zone known: UTC
    z.utc_offset_s = current.utc_offset_s;
    z.name = current.name;
    z.dst = t.tm_isdst > 0;
    // CPython 3.11's init_timezone (glibc): a year of 365.25 days, rounded down, is about
    // January 1; half a year on, July.
    constexpr time_t kYear = (365 * 24 + 6) * 3600;
    const time_t january = now / kYear * kYear;
    LocalZone::Season jan, jul;
    if (zone_at(january, t, jan) && zone_at(january + kYear / 2, t, jul)) {
        z.january = jan;
        z.july = jul;
    }
    return z;
}

}  // namespace interleave::engine
