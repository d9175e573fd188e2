"""RFM as the R package rfm v0.3 computes it, in pandas/numpy: the peer a marketer's analyst
would use. Shared by rfm_scores.py (in-memory timing) and rfm_e2e.py (CSV to CSV)."""
import numpy as np
import pandas as pd

# R package map: name, R range, F range, M range (first match wins, else "Others")
RFM_PACKAGE_MAP = [
    ("Champions", (5, 5), (5, 5), (5, 5)),
    ("Potential Loyalist", (3, 5), (3, 5), (2, 5)),
    ("Loyal Customers", (2, 4), (2, 4), (2, 4)),
    ("Promising", (3, 4), (1, 3), (3, 5)),
    ("New Customers", (4, 5), (1, 3), (1, 5)),
    ("Can't Lose Them", (1, 2), (3, 4), (4, 5)),
    ("At Risk", (1, 2), (2, 5), (4, 5)),
    ("Need Attention", (1, 3), (3, 5), (3, 5)),
    ("About To Sleep", (2, 3), (1, 3), (1, 4)),
    ("Lost", (1, 1), (1, 5), (1, 5)),
]


def package_breaks(values, levels=5):
    """quantile(x, k / levels) + 1 (numpy's default 'linear' is R's type 7)."""
    probs = [k * (1 / levels) for k in range(1, levels)]
    return np.quantile(values, probs) + 1


def scores(values, breaks):
    """Interval index of [min, b1), [b1, b2) … [b_last, max + 1): 1 + #{breaks <= value}."""
    return np.searchsorted(breaks, values, side="right") + 1


def rfm_table(orders, as_of_day):
    """orders: customer_id, order_date (datetime64, UTC), revenue. Returns one row per customer."""
    g = orders.groupby("customer_id", sort=False).agg(
        last=("order_date", "max"), transaction_count=("order_date", "size"), amount=("revenue", "sum")
    )
    last_day = g["last"].values.astype("datetime64[D]").astype(np.int64)
    recency = as_of_day - last_day
    r = 6 - scores(recency, package_breaks(recency))
    f = scores(g["transaction_count"].values, package_breaks(g["transaction_count"].values))
    m = scores(g["amount"].values, package_breaks(g["amount"].values))
    conditions = [
        (r >= rr[0]) & (r <= rr[1]) & (f >= ff[0]) & (f <= ff[1]) & (m >= mm[0]) & (m <= mm[1])
        for _, rr, ff, mm in RFM_PACKAGE_MAP
    ]
    segment = np.select(conditions, [name for name, *_ in RFM_PACKAGE_MAP], default="Others")
    return pd.DataFrame(
        {
            "customer_id": g.index,
            "segment": segment,
            "rfm_score": r * 100 + f * 10 + m,
            "transaction_count": g["transaction_count"].values,
            "recency_days": recency,
            "amount": g["amount"].values,
            "recency_score": r,
            "frequency_score": f,
            "monetary_score": m,
        }
    )
