"""Cohorts and totals of metrics.md in pandas: the independent computation `chainlab metrics`
is checked against (cell by cell) and timed against. Orders are rows with an amount; "as of D"
keeps orders dated before day D (UTC); month index k = month of the order − month of the
customer's first order; retention[k] = customers with an order in month k ÷ cohort customers;
ltv[k] = Σ amounts of months 0..k ÷ cohort customers (no returns in these files)."""
import numpy as np
import pandas as pd


def month_numbers(days):
    """year × 12 + month − 1 of datetime64[D] values."""
    months = days.astype("datetime64[M]").astype(np.int64)  # months since 1970-01
    return months + 1970 * 12


def metrics(customer, day, amount, as_of_day, churn_days=365):
    """customer: codes or ids; day: int64 days since 1970-01-01 (UTC); amount: float64."""
    keep = (day < as_of_day) & ~np.isnan(amount)
    df = pd.DataFrame({"customer": customer[keep], "day": day[keep], "amount": amount[keep]})
    df["month"] = month_numbers(df["day"].values.astype("datetime64[D]"))
    per_customer = df.groupby("customer", sort=False).agg(first=("month", "min"), orders=("day", "size"), last=("day", "max"))
    df["cohort"] = df["customer"].map(per_customer["first"])
    df["k"] = df["month"] - df["cohort"]
    last_month = int(month_numbers(np.array([as_of_day - 1], dtype="datetime64[D]"))[0])
    sizes = per_customer.groupby("first").size()
    retained = df.drop_duplicates(["customer", "k"]).groupby(["cohort", "k"]).size().unstack(fill_value=0)
    revenue = df.groupby(["cohort", "k"])["amount"].sum().unstack(fill_value=0.0)
    cohorts = []
    for cohort, size in sizes.items():
        length = last_month - cohort + 1
        kept = retained.loc[cohort].reindex(range(length), fill_value=0).values
        cumulative = np.cumsum(revenue.loc[cohort].reindex(range(length), fill_value=0.0).values)
        cohorts.append({
            "cohort": f"{cohort // 12:04d}-{cohort % 12 + 1:02d}",
            "customers": int(size),
            "retention": (kept / size).tolist(),
            "ltv": (cumulative / size).tolist(),
        })
    buyers = len(per_customer)
    orders = len(df)
    gross = float(df["amount"].sum())
    totals = {
        "buyers": buyers,
        "orders": orders,
        "grossRevenue": gross,
        "netRevenue": gross,
        "repeatRate": float((per_customer["orders"] >= 2).sum() / buyers),
        "churnedShare": float(((as_of_day - per_customer["last"]) > churn_days).sum() / buyers),
    }
    return {"totals": totals, "cohorts": cohorts}
