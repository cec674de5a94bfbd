"""The ledger's chart of spending over the year: decided and booked money month
by month against the grant line. The shared geometry (round ticks, scales,
axes) is ``areas.charts``; the page shows the same numbers in a table beside it."""

from decimal import Decimal

from areas.charts import Frame, nice_ticks, polyline, x_axis, y_axis
from areas.formats import MONTHS, kr

FRAME = Frame(width=560, height=260, left=78, right=16, top=16, bottom=34)


def spending_chart(monthly: list[dict], grant: Decimal, *, through_month: int = 12) -> dict | None:
    """Cumulative decided and booked money per month against the grant line.
    ``through_month``: the current month of a running year (later months are not
    drawn yet)."""
    if grant <= 0 and not any(m["decided"] for m in monthly):
        return None
    highest = max([grant, *[m["decided"] for m in monthly]])
    ticks, _places = nice_ticks([Decimal(0), highest])
    # Each month is drawn in the middle of its twelfth of the width.
    x = FRAME.x_scale(0.5, 12.5)
    y = FRAME.y_scale(ticks[0], ticks[-1])
    shown = [m for m in monthly if m["month"] <= through_month]
    lines = [
        polyline(label, css, [(x(m["month"]), y(m[key]),
                               f"{label} t.o.m. {MONTHS[m['month'] - 1]}: {kr(m[key])}")
                              for m in shown])
        for key, label, css in (("decided", "Beslutat", "series-decided"),
                                ("booked", "Bokfört", "series-booked"))
    ]
    return {
        **FRAME.edges(), "lines": lines,
        "y_ticks": y_axis(ticks, y, lambda tick: kr(tick).replace("\u00a0kr", "")),
        "x_ticks": x_axis([(i + 1, name) for i, name in enumerate(MONTHS)], x),
        "grant_y": f"{y(grant):.1f}", "grant_label": kr(grant),
    }
