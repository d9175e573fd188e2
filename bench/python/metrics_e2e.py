"""CSV to JSON, as an analyst would script it: read_csv, to_datetime, the cohort groupbys of
metrics_common — the same figures as `chainlab metrics --orders FILE --json`."""
import json
import sys

import numpy as np
import pandas as pd

from metrics_common import metrics

source, target = sys.argv[1], sys.argv[2]
orders = pd.read_csv(source)
days = pd.to_datetime(orders["order_date"], utc=True).dt.tz_localize(None).values.astype("datetime64[D]").astype(np.int64)
as_of_day = int(days.max()) + 1  # the day after the last order
result = metrics(orders["customer_id"].values, days, orders["amount"].values.astype(np.float64), as_of_day)
with open(target, "w") as out:
    json.dump(result, out)
