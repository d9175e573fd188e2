"""In-memory cohort timing: orders already in arrays (integer customer codes, ms instants,
amounts), as the RFM peer reads them. Runs as a peer of the benchmark (peer.serve): each timed
run does day numbers, months, cohorts, retention, LTV and totals; "done" gives the result to
compare."""
import sys

import numpy as np

from metrics_common import metrics
from peer import read_orders, serve

path, as_of_day, warmups = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
customer, ts, amount = read_orders(path)


def run():
    days = np.floor(ts / 86_400_000).astype(np.int64)
    return metrics(customer, days, amount, as_of_day)


serve(run, warmups, lambda result: result)
