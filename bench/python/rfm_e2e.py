"""CSV to CSV, as an analyst would script it: read_csv, to_datetime, groupby, the R package's
breaks and map, to_csv — the same output as `chainlab rfm --map rfm-package --out`."""
import sys

import numpy as np
import pandas as pd

from rfm_common import rfm_table

source, target = sys.argv[1], sys.argv[2]
orders = pd.read_csv(source)
orders["order_date"] = pd.to_datetime(orders["order_date"], utc=True).dt.tz_localize(None)
orders = orders.rename(columns={"amount": "revenue"})
# default analysis date: the day after the last order
as_of_day = int(orders["order_date"].max().to_datetime64().astype("datetime64[D]").astype(np.int64)) + 1
table = rfm_table(orders, as_of_day).sort_values("customer_id")
table.to_csv(target, index=False)
