# time.tzname/timezone/altzone/daylight and datetime.astimezone() in the local zone (the
# computer's, read when the program starts): CPython's relations between them.
import datetime
import time

print(type(time.tzname).__name__, len(time.tzname), type(time.timezone).__name__,
      type(time.altzone).__name__, time.daylight in (0, 1))
# timezone is seconds WEST of UTC: local standard time is UTC - timezone.
print(time.daylight == (time.timezone != time.altzone))
now = time.localtime()
print(now.tm_zone in time.tzname)
print(-now.tm_gmtoff in (time.timezone, time.altzone))

utc = datetime.datetime(2024, 1, 1, 12, tzinfo=datetime.timezone.utc)
local = utc.astimezone()
print(local.tzinfo.utcoffset(None) == local.utcoffset(), local == utc)
print(local.utcoffset().total_seconds() in (-time.timezone, -time.altzone))
print(local.tzname() in time.tzname, utc.astimezone(None) == local)
naive = datetime.datetime(2024, 1, 1, 12)
aware = naive.astimezone()
print(aware.replace(tzinfo=None) == naive, aware.tzinfo is not None)
print(naive.astimezone(datetime.timezone.utc) == aware)
print(local.astimezone(datetime.timezone.utc) == utc, local.astimezone(local.tzinfo) is local)
try:
    naive.astimezone("UTC")
except TypeError as e:
    print(e)
