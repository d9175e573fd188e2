"""In-memory cohort timing: orders already in arrays (integer customer codes, ms instants,
amounts), as the RFM peer reads them. Runs as a peer of the benchmark: after `warmups`
unmeasured runs it answers each "run" line on stdin with the seconds of one more run (day
numbers, months, cohorts, retention, LTV, totals), and "done" with the result to compare."""
import json
import sys
import time

import numpy as np

from metrics_common import metrics

path, as_of_day, warmups = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
raw = np.fromfile(path, dtype=np.uint8)
count = int(raw[:8].view(np.float64)[0])
customer = raw[8 : 8 + 4 * count].view(np.int32)
ts = raw[8 + 4 * count : 8 + 12 * count].view(np.float64)
amount = raw[8 + 12 * count : 8 + 20 * count].view(np.float64)


def run():
    days = np.floor(ts / 86_400_000).astype(np.int64)
    return metrics(customer, days, amount, as_of_day)


result = None
for _ in range(warmups):
    result = run()
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    if line.strip() == "run":
        started = time.perf_counter()
        result = run()
        print(json.dumps({"seconds": time.perf_counter() - started}), flush=True)
    elif line.strip() == "done":
        print(json.dumps(result), flush=True)
        break
