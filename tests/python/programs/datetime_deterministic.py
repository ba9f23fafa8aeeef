from datetime import datetime, date, time, timedelta

d = date(2024, 2, 28)
print(d, d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.isoformat())
dt = datetime(2024, 3, 9, 14, 5, 7, 250000)
print(dt, repr(dt), dt.isoformat(), dt.date(), dt.time())
print(dt.strftime("%Y-%m-%d %H:%M:%S %A %b %j"), dt.strftime("%d/%m/%y %I%p"))
print(dt + timedelta(hours=10), dt - datetime(2024, 1, 1), (dt - datetime(2024, 1, 1)).total_seconds())
print(datetime.fromisoformat("2023-12-31T23:59:59") + timedelta(seconds=1))
print(date(2024, 1, 1) < date(2024, 1, 2), max(date(2020, 5, 1), date(2019, 12, 31)))
print(time(9, 30), time(23, 59, 59, 999999), datetime(2000, 1, 1).replace(year=2001))
print(date.fromordinal(738000), date(2024, 12, 25).toordinal(), datetime(1970, 1, 1).weekday())
