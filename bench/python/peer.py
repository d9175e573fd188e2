"""What the in-memory peers of the benchmark share: the orders file the suites write (a float64
count, then int32 customer codes, float64 ms instants and float64 amounts) and the protocol
with the suite (warm-up runs, "ready", a timed run per "run" line, the result on "done")."""
import json
import sys
import time

import numpy as np


def read_orders(path):
    """customer codes, ms instants and amounts of the orders file, as numpy views."""
    raw = np.fromfile(path, dtype=np.uint8)
    count = int(raw[:8].view(np.float64)[0])
    customer = raw[8 : 8 + 4 * count].view(np.int32)
    ts = raw[8 + 4 * count : 8 + 12 * count].view(np.float64)
    amount = raw[8 + 12 * count : 8 + 20 * count].view(np.float64)
    return customer, ts, amount


def serve(run, warmups, summary):
    """Runs `run` `warmups` times unmeasured, then answers the suite on stdin/stdout:
    each "run" with the seconds of one more run, "done" with summary(last result)."""
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
            print(json.dumps(summary(result)), flush=True)
            break
