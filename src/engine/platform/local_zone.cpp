// The host's local time zone (run.hpp: host_local_zone): libc's localtime_r, natively from TZ
// or /etc/localtime, in the browser from the page's JS Date (Emscripten 3.1.6's tzset, which
// a Web Worker proxies to the page's main thread and waits for: hence only Run::start's caller
// reads it, once per run).
#include <time.h>

#include "engine/clock_source.hpp"
#include "engine/run.hpp"

namespace interleave::engine {

LocalZone host_local_zone() {
    const time_t now = static_cast<time_t>(platform::unix_ns() / 1'000'000'000);
    tm t{};
    LocalZone z;
    if (!localtime_r(&now, &t)) return z;  // no zone known: UTC
#ifdef __EMSCRIPTEN__
    z.utc_offset_s = static_cast<int32_t>(t.__tm_gmtoff);
    const char* name = t.__tm_zone;
#else
    z.utc_offset_s = static_cast<int32_t>(t.tm_gmtoff);
    const char* name = t.tm_zone;
#endif
    z.dst = t.tm_isdst > 0;
    if (name && *name) z.name = name;
    return z;
}

}  // namespace interleave::engine
