"""The ledger's chart of spending over the year: round values on its axis, from
zero past the grant, in whole kronor."""

from decimal import Decimal as D

from budget.charts import spending_chart


def test_the_spending_chart_has_the_same_round_ticks_from_zero_past_the_grant():
    monthly = [{"month": m, "decided": D(20000) * m, "booked": D(10000) * m} for m in range(1, 13)]
    chart = spending_chart(monthly, D(314000))
    labels = [t["label"] for t in chart["y_ticks"]]
    assert labels == ["0", "100\xa0000", "200\xa0000", "300\xa0000", "400\xa0000"]
    assert [t["label"] for t in chart["x_ticks"]][:3] == ["jan", "feb", "mar"]


def test_whole_kronor_get_no_decimals_on_the_spending_charts_axis():
    chart = spending_chart([{"month": m, "decided": D(0), "booked": D(0)} for m in range(1, 13)], D(9))
    assert [t["label"] for t in chart["y_ticks"]] == ["0", "5", "10"]
