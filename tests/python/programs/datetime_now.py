from datetime import datetime, date, timedelta
import time

now = datetime.now()
later = datetime.now()
print(type(now).__name__, later >= now, now.year >= 2024)
print(isinstance(date.today(), date), abs(datetime.now() - now) < timedelta(seconds=5))
start = datetime.now()
time.sleep(0.02)
elapsed = datetime.now() - start
print(type(elapsed).__name__, elapsed >= timedelta(milliseconds=15), elapsed < timedelta(seconds=5))
print(len(now.strftime("%H:%M:%S")) == 8, now.tzinfo)
