// Local time in the interpreter comes from the run's zone (RunConfig::local_zone), read once by
// Run::start on its caller's thread — never from libc on a worker (in the browser a Web
// Worker's tzset waits for the page's main thread: issue #8). UTC arithmetic is the
// interpreter's own (Emscripten's gmtime_r also calls tzset and has a 32-bit time_t).
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "test_threads_util.hpp"

using namespace interleave;
using namespace interleave::python::testing;

namespace {

engine::RunConfig zone_config(int32_t offset_s, bool dst, const char* name) {
    engine::RunConfig c;
    engine::LocalZone z;
    z.utc_offset_s = offset_s;
    z.dst = dst;
    z.name = name;
    c.local_zone = z;
    return c;
}

engine::RunConfig seasons_config(int32_t offset_s, bool dst, const char* name, int32_t jan_s,
                                 const char* jan, int32_t jul_s, const char* jul) {
    engine::RunConfig c = zone_config(offset_s, dst, name);
    c.local_zone->january = engine::LocalZone::Season{jan_s, jan};
    c.local_zone->july = engine::LocalZone::Season{jul_s, jul};
    return c;
}

const char* kZoneConstants = R"(import time, datetime
print(time.tzname, time.timezone, time.altzone, time.daylight)
utc = datetime.datetime(2024, 1, 1, 12, tzinfo=datetime.timezone.utc)
print(repr(utc.astimezone()))
print(repr(utc.astimezone(None)) == repr(utc.astimezone()), utc.astimezone() == utc)
naive = datetime.datetime(2024, 1, 1, 12)
print(repr(naive.astimezone()))
print(naive.astimezone(datetime.timezone.utc))
try:
    naive.astimezone(1)
except TypeError as e:
    print(e)
)";

}  // namespace

TEST_CASE("time.tzname/timezone/altzone/daylight and astimezone() from the run's zone" *
          doctest::timeout(60)) {
    // Northern hemisphere (DST in July), as CPython on glibc shows TZ=CET-1CEST: timezone is
    // seconds WEST of UTC, standard time first in tzname. The run started in winter.
    PyRun north =
        run_python(kZoneConstants, seasons_config(3600, false, "CET", 3600, "CET", 7200, "CEST"));
    REQUIRE(north.err == "");
    CHECK(north.out ==
          "('CET', 'CEST') -3600 -7200 1\n"
          "datetime.datetime(2024, 1, 1, 13, 0, tzinfo=datetime.timezone("
          "datetime.timedelta(seconds=3600), 'CET'))\n"
          "True True\n"
          "datetime.datetime(2024, 1, 1, 12, 0, tzinfo=datetime.timezone("
          "datetime.timedelta(seconds=3600), 'CET'))\n"
          "2024-01-01 11:00:00+00:00\n"
          "tzinfo argument must be None or of a tzinfo subclass, not type 'int'\n");
    // Southern hemisphere (DST in January): July's zone is standard time.
    PyRun south = run_python(kZoneConstants,
                             seasons_config(39600, true, "AEDT", 39600, "AEDT", 36000, "AEST"));
    REQUIRE(south.err == "");
    CHECK(south.out.rfind("('AEST', 'AEDT') -36000 -39600 1\n"
                          "datetime.datetime(2024, 1, 1, 23, 0, tzinfo=datetime.timezone("
                          "datetime.timedelta(seconds=39600), 'AEDT'))\n",
                          0) == 0);
    // West of UTC, no DST known (one offset all year).
    PyRun west = run_python(kZoneConstants, zone_config(-(3 * 3600 + 30 * 60), false, "NST"));
    REQUIRE(west.err == "");
    CHECK(west.out.rfind("('NST', 'NST') 12600 12600 0\n"
                         "datetime.datetime(2024, 1, 1, 8, 30, tzinfo=datetime.timezone("
                         "datetime.timedelta(days=-1, seconds=73800), 'NST'))\n",
                         0) == 0);
}

TEST_CASE("time.localtime uses the run's zone from RunConfig" * doctest::timeout(60)) {
    const std::string src = R"(import time, datetime
t = time.localtime(0)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_isdst, t.tm_gmtoff, t.tm_zone)
print(time.strftime('%Y-%m-%d %H:%M %Z %z', t))
g = time.gmtime(0)
print(g.tm_hour, g.tm_gmtoff, g.tm_zone, time.strftime('%H:%M %Z %z', g))
print(time.mktime(time.localtime(1000)) == 1000.0, isinstance(t, time.struct_time))
now = time.localtime()
print(now.tm_gmtoff, time.strftime('%z'), time.strftime('%Z'))
d = datetime.datetime.fromtimestamp(0)
print(d, d.timestamp(), datetime.datetime.utcfromtimestamp(0))
n = datetime.datetime.now()
print(abs(n.timestamp() - time.time()) < 5, n.hour == time.localtime().tm_hour)
print(time.ctime(0))
)";
    // UTC+1:30, in DST, a made-up name: nothing of it can come from the host.
    PyRun r = run_python(src, zone_config(5400, true, "XYZ"));
    REQUIRE(r.err == "");
    CHECK(r.out ==
          "1970 1 1 1 30 1 5400 XYZ\n"
          "1970-01-01 01:30 XYZ +0130\n"
          "0 0 GMT 00:00 GMT +0000\n"
          "True True\n"
          "5400 +0130 XYZ\n"
          "1970-01-01 01:30:00 0.0 1970-01-01 00:00:00\n"
          "True True\n"
          "Thu Jan  1 01:30:00 1970\n");

    // West of UTC by a non-whole hour, across a day and a year boundary; %z written out by
    // the interpreter (Emscripten's strftime printed "+0580" for +05:30), %%z left alone.
    PyRun w = run_python(
        "import time\nt = time.localtime(0)\nprint(tuple(t), t.tm_gmtoff, time.strftime('%z %%z "
        "%Z', t))\n",
        zone_config(-(3 * 3600 + 30 * 60), false, "NST"));
    REQUIRE(w.err == "");
    CHECK(w.out == "(1969, 12, 31, 20, 30, 0, 2, 365, 0) -12600 -0330 %z NST\n");
}

TEST_CASE("time on the simulated machine: local time is UTC, the same everywhere" *
          doctest::timeout(60)) {
    const std::string src = R"(import time, datetime
t = time.localtime()
print(time.strftime('%Y-%m-%d %H:%M:%S %Z %z'), tuple(t) == tuple(time.gmtime()), t.tm_zone)
print(f'{datetime.datetime.now():%Y-%m-%d %H:%M:%S}', datetime.date.today())
)";
    PyRun r = run_python(src, sim_config(2));
    REQUIRE(r.err == "");
    CHECK(r.out ==
          "2024-01-01 00:00:00 UTC +0000 True UTC\n"
          "2024-01-01 00:00:00 2024-01-01\n");
}

// Natively only: Emscripten's tzset ignores TZ (the page's zone is JS Date's), and its gmtime_r
// reads a 32-bit time_t.
#ifndef __EMSCRIPTEN__
TEST_CASE("Run::start reads the host's zone on its caller's thread (real machine)" *
          doctest::timeout(60)) {
    // A POSIX TZ rule with no DST: the host zone is 3 h east of UTC, named "ABC".
    const char* old = std::getenv("TZ");
    const std::string saved = old ? old : "";
    setenv("TZ", "ABC-3", 1);
    tzset();
    const engine::LocalZone z = engine::host_local_zone();
    PyRun r = run_python(
        "import time\nt = time.localtime(0)\nprint(t.tm_hour, t.tm_gmtoff, t.tm_zone)\n");
    if (old)
        setenv("TZ", saved.c_str(), 1);
    else
        unsetenv("TZ");
    tzset();
    CHECK(z.utc_offset_s == 3 * 3600);
    CHECK(z.name == "ABC");
    CHECK_FALSE(z.dst);
    REQUIRE(r.err == "");
    CHECK(r.out == "3 10800 ABC\n");
}

TEST_CASE(
    "the host's zone in January and July gives time.tzname/timezone/altzone/daylight as "
    "CPython on glibc (real machine)" *
    doctest::timeout(60)) {
    struct Case {
        const char* tz;
        const char* expect;
    };
    const Case cases[] = {
        {"CET-1CEST,M3.5.0,M10.5.0/3", "('CET', 'CEST') -3600 -7200 1\n"},
        {"AEST-10AEDT,M10.1.0,M4.1.0/3", "('AEST', 'AEDT') -36000 -39600 1\n"},
        {"ABC-3", "('ABC', 'ABC') -10800 -10800 0\n"},
    };
    const char* old = std::getenv("TZ");
    const std::string saved = old ? old : "";
    for (const Case& c : cases) {
        CAPTURE(c.tz);
        setenv("TZ", c.tz, 1);
        tzset();
        PyRun r = run_python(
            "import time\nprint(time.tzname, time.timezone, time.altzone, time.daylight)\n");
        CHECK(r.err == "");
        CHECK(r.out == c.expect);
    }
    if (old)
        setenv("TZ", saved.c_str(), 1);
    else
        unsetenv("TZ");
    tzset();
}

TEST_CASE("time.gmtime agrees with libc's gmtime_r from 1600 to 9999" * doctest::timeout(60)) {
    // Day, leap-year and century edges, negative times, and a spread of ordinary ones.
    std::vector<int64_t> secs = {0,          -1,           86399,        86400,        -86400,
                                 -86401,     951782400,    951868799,    951868800,    4107542400,
                                 4107628800, -11644473600, -12219292800, 253402300799, 2147483647,
                                 2147483648, -2147483649};
    for (int64_t s = -11'000'000'000; s < 253'000'000'000; s += 3'333'333'333 + 12'345)
        secs.push_back(s);
    std::string program = "import time\nfor s in (";
    std::string expect;
    for (int64_t s : secs) {
        program += std::to_string(s) + ",";
        std::time_t tt = static_cast<std::time_t>(s);
        std::tm tm{};
        REQUIRE(gmtime_r(&tt, &tm));
        expect += fmt::format("({}, {}, {}, {}, {}, {}, {}, {}, 0)\n", tm.tm_year + 1900,
                              tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                              (tm.tm_wday + 6) % 7, tm.tm_yday + 1);
    }
    program += "):\n    print(tuple(time.gmtime(s)))\n";
    PyRun r = run_python(program);
    REQUIRE(r.err == "");
    CHECK(r.out == expect);

    PyRun bad = run_python(
        "import time\ntry:\n    time.gmtime(1e300)\nexcept OverflowError as e:\n"
        "    print(e)\ntry:\n    time.localtime(float('nan'))\n"
        "except ValueError as e:\n    print(e)\n");
    CHECK(bad.out ==
          "timestamp out of range for platform time_t\nInvalid value NaN (not a number)\n");
}
#endif  // __EMSCRIPTEN__
