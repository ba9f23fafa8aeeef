# time, the Python half (the clocks and sleep are time.cpp's, from the run): struct_time,
# gmtime/localtime returning it, asctime, ctime, mktime, as CPython 3.11's Modules/timemodule.c.
# Local time is the run's zone (RunConfig::local_zone: on the real machine the host's offset when
# the run started, read on the page's main thread; on the simulated machine UTC), never libc's.
# timezone, altzone, daylight, tzname: from the zone's January and July (LocalZone::january,
# july), as CPython on glibc.
# ✗ No DST rule: every local time uses the run start's offset (see engine/run.hpp LocalZone).
from _structseq import structseq as _structseq

struct_time = _structseq('time.struct_time',
                         ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
                          'tm_wday', 'tm_yday', 'tm_isdst', 'tm_zone', 'tm_gmtoff'), 9,
                         ('GMT', 0))  # gmtime's, as glibc (CPython on Linux)

_gmtime_tuple = gmtime
_localtime_tuple = localtime
_strftime = strftime


def _local_class(base):
    # localtime()'s struct_time: tm_zone/tm_gmtoff are the run's zone (gmtime's are 'GMT'/0).
    class struct_time(base):
        __slots__ = ()
        tm_zone = property(lambda self: _local_zone()[0])
        tm_gmtoff = property(lambda self: _local_zone()[1])
    return struct_time


_local_struct_time = _local_class(struct_time)


def gmtime(secs=None):
    return struct_time(_gmtime_tuple(secs))


def localtime(secs=None):
    return _local_struct_time(_localtime_tuple(secs))


def strftime(format, t=None):
    if t is None:
        return _strftime(format)
    if isinstance(t, struct_time):
        return _strftime(format, t, t.tm_zone, t.tm_gmtoff)
    return _strftime(format, t)


_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


def asctime(t=None):
    if t is None:
        t = localtime()
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[t[6]], _MONTHS[t[1] - 1], t[2], t[3], t[4],
                                            t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def _timegm(t):
    year, month, day, hh, mm, ss = t[0], t[1], t[2], t[3], t[4], t[5]
    y = year - 1
    days = y * 365 + y // 4 - y // 100 + y // 400
    mdays = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
    days += mdays[month - 1] + day
    if month > 2 and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        days += 1
    days -= 719163  # 1970-01-01 is day 719163 counting from 0001-01-01 as day 1
    return ((days * 24 + hh) * 60 + mm) * 60 + ss


def mktime(t):
    if len(t) < 9:
        raise TypeError('mktime(): illegal time tuple argument')
    guess = _timegm(t)
    off = _timegm(_localtime_tuple(guess)) - guess
    return float(guess - off)


def _init_timezone():
    # CPython 3.11's init_timezone on glibc: the zone in January and in July, seconds WEST of
    # UTC; the larger is standard time (the southern hemisphere's DST is in January).
    zone = _local_zone()
    janzone, janname = -zone[4], zone[3]
    julyzone, julyname = -zone[6], zone[5]
    if janzone < julyzone:
        return julyzone, janzone, int(janzone != julyzone), (julyname, janname)
    return janzone, julyzone, int(janzone != julyzone), (janname, julyname)


timezone, altzone, daylight, tzname = _init_timezone()
