"""The ledger's chart of spending over the year, as server-rendered SVG: the
coordinates are computed here, the template draws them (no JavaScript, no
inline style). The page shows the same numbers in a table beside it."""

from decimal import Decimal

from areas.formats import MONTHS, kr

WIDTH, HEIGHT = 560, 260
LEFT, RIGHT, TOP, BOTTOM = 78, 16, 16, 34


def _nice_step(top: Decimal) -> Decimal:
    """A round step for four to five grid lines (10 000, 25 000, 50 000 …)."""
    raw = top / 4
    magnitude = Decimal(10) ** (len(str(int(raw))) - 1) if raw >= 1 else Decimal(1)
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        if raw <= magnitude * factor:
            return magnitude * factor
    return magnitude * 10


def spending_chart(monthly: list[dict], grant: Decimal, *, through_month: int = 12) -> dict | None:
    """Cumulative decided and booked money per month against the grant line.
    ``through_month``: the current month of a running year (later months are not
    drawn yet)."""
    if grant <= 0 and not any(m["decided"] for m in monthly):
        return None
    highest = max([grant, *[m["decided"] for m in monthly]])
    step = _nice_step(highest or Decimal(1))
    top = step * ((highest / step).to_integral_value(rounding="ROUND_CEILING") or 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(month):
        return LEFT + plot_w * (month - 0.5) / 12

    def y(value):
        return TOP + plot_h * float((top - value) / top)

    shown = [m for m in monthly if m["month"] <= through_month]
    lines = []
    for key, label, css in (("decided", "Beslutat", "series-decided"),
                            ("booked", "Bokfört", "series-booked")):
        points = [(x(m["month"]), y(m[key]), m[key], m["month"]) for m in shown]
        lines.append({
            "label": label, "css": css,
            "points": " ".join(f"{px:.1f},{py:.1f}" for px, py, _v, _m in points),
            "dots": [{"x": f"{px:.1f}", "y": f"{py:.1f}",
                      "title": f"{label} t.o.m. {MONTHS[mo - 1]}: {kr(v)}"}
                     for px, py, v, mo in points],
        })
    ticks = []
    value = Decimal(0)
    while value <= top:
        ticks.append({"y": f"{y(value):.1f}", "label": kr(value).replace("\u00a0kr", "")})
        value += step
    return {
        "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT, "top": TOP,
        "bottom": HEIGHT - BOTTOM, "lines": lines, "y_ticks": ticks,
        "x_ticks": [{"x": f"{x(i + 1):.1f}", "label": name} for i, name in enumerate(MONTHS)],
        "grant_y": f"{y(grant):.1f}", "grant_label": kr(grant),
    }
