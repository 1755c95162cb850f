# The expected texts of UTCTimestampTests, by Python's datetime (not by kaimen):
# python3 utc_text.py prints the (seconds, text) pairs the test holds.
import math
from datetime import datetime, timedelta, timezone

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
moments = [0.0, 0.5, 0.999, 1.0, -0.5, -1.0, -0.001, 59.0, 86399.75,
           951782400.0,        # 2000-02-29, a leap day of a century year
           4107542399.0,       # 2100-02-28T23:59:59, 2100 no leap year
           1798761599.999999,  # the last second of 2026
           1700000000.9999, -2208988800.25, -62135596800.0, 253402300799.0]
for s in moments:
    t = EPOCH + timedelta(seconds=math.floor(s))
    print(f"({s!r}, \"{t.strftime('%Y-%m-%dT%H:%M:%SZ') if t.year >= 1000 else t.isoformat()[:19] + 'Z'}\"),")
