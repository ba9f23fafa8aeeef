import time

t = time.gmtime(0)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_wday, t.tm_yday)
print(time.strftime("%Y-%m-%d %H:%M:%S", t))
fixed = time.struct_time((2024, 3, 9, 14, 5, 7, 5, 69, 0))
print(time.strftime("%Y/%m/%d %I:%M %p %A %B %j %%", fixed))
print(time.strftime("%a %b %d %y %H", fixed))
g = time.gmtime(1_700_000_000)
print(time.strftime("%Y-%m-%dT%H:%M:%SZ", g), g.tm_wday)
print(time.asctime(fixed))
print(time.mktime(time.localtime(1000)) == 1000.0)
print(len(time.strftime("%H:%M:%S")) == 8)
