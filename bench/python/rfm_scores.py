"""In-memory RFM timing: orders already in a DataFrame (integer customer codes, datetimes,
amounts). Runs as a peer of the benchmark (peer.serve): each timed run scores every customer;
"done" gives the result to compare."""
import sys

import numpy as np
import pandas as pd

from peer import read_orders, serve
from rfm_common import rfm_table

path, as_of_day, warmups = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
customer, ts, amount = read_orders(path)
orders = pd.DataFrame({"customer_id": customer, "order_date": pd.to_datetime(ts.astype(np.int64), unit="ms"), "revenue": amount})


def summary(table):
    return {
        "customers": int(len(table)),
        "scoreSum": int(table["rfm_score"].sum()),
        "segments": {k: int(v) for k, v in table["segment"].value_counts().items()},
    }


serve(lambda: rfm_table(orders, as_of_day), warmups, summary)
