# time, the Python half (the clocks and sleep are time.cpp's, from the run): struct_time,
# gmtime/localtime returning it, asctime, ctime, mktime, as CPython 3.11's Modules/timemodule.c.
# ✗ tm_zone/tm_gmtoff are 'UTC'/0 for every struct_time (the playground's local time is UTC).
from _structseq import structseq as _structseq

struct_time = _structseq('time.struct_time',
                         ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
                          'tm_wday', 'tm_yday', 'tm_isdst', 'tm_zone', 'tm_gmtoff'), 9,
                         ('UTC', 0))

_gmtime_tuple = gmtime
_localtime_tuple = localtime


def gmtime(secs=None):
    return struct_time(_gmtime_tuple(secs))


def localtime(secs=None):
    return struct_time(_localtime_tuple(secs))


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
