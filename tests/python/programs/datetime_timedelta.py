from datetime import timedelta

td = timedelta(days=1, hours=2, minutes=3, seconds=4, milliseconds=5)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(timedelta(hours=-1), timedelta(seconds=90) * 2, timedelta(days=1) / 4, timedelta(hours=3) // timedelta(minutes=45))
print(timedelta(minutes=1) + timedelta(seconds=30), -timedelta(days=1, seconds=1), abs(timedelta(hours=-5)))
print(timedelta(0), timedelta(microseconds=1), timedelta(weeks=2), timedelta(days=1) == timedelta(hours=24))
print(sum([timedelta(minutes=20)] * 4, timedelta()), timedelta(seconds=3725) % timedelta(hours=1))
print(timedelta(days=400), timedelta(seconds=0.5), timedelta(days=-1, hours=23))
