"""In-memory RFM timing: orders already in a DataFrame (integer customer codes, datetimes,
amounts). Runs as a peer of the benchmark: after `warmups` unmeasured runs it answers each
"run" line on stdin with the seconds of one more run, and "done" with the result to compare."""
import json
import sys
import time

import numpy as np
import pandas as pd

from rfm_common import rfm_table

path, as_of_day, warmups = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
raw = np.fromfile(path, dtype=np.uint8)
count = int(raw[:8].view(np.float64)[0])
customer = raw[8 : 8 + 4 * count].view(np.int32)
ts = raw[8 + 4 * count : 8 + 12 * count].view(np.float64)
amount = raw[8 + 12 * count : 8 + 20 * count].view(np.float64)
orders = pd.DataFrame({"customer_id": customer, "order_date": pd.to_datetime(ts.astype(np.int64), unit="ms"), "revenue": amount})

table = None
for _ in range(warmups):
    table = rfm_table(orders, as_of_day)
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    if line.strip() == "run":
        started = time.perf_counter()
        table = rfm_table(orders, as_of_day)
        print(json.dumps({"seconds": time.perf_counter() - started}), flush=True)
    elif line.strip() == "done":
        print(json.dumps({
            "customers": int(len(table)),
            "scoreSum": int(table["rfm_score"].sum()),
            "segments": {k: int(v) for k, v in table["segment"].value_counts().items()},
        }), flush=True)
        break
