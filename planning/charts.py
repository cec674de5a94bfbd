"""Server-rendered SVG charts: coordinates computed here, drawn by templates.

No JavaScript and no inline styles (strict CSP): series are told apart by CSS
classes and by the legend; every chart has a table with the same numbers.
"""

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.utils.translation import gettext as _

from areas.formats import MONTHS, number

WIDTH, HEIGHT = 520, 240
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 36
# Rough widths of a character of the charts' 12px text (DejaVu Sans, the widest
# sans we meet): enough room is kept that no label is cut at the chart's edge.
CHAR_W, BOLD_CHAR_W = Decimal("7.2"), Decimal("7.8")
STEPS = [Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)]


def _fmt(value, places=None) -> str:
    return number(Decimal(value), places)


def nice_ticks(values, *, count=4) -> tuple[list[Decimal], int]:
    """Round tick values that cover ``values`` (26, 28, 30, 32 rather than 26,6,
    28,1 …) and the decimals their labels need. The step is 1, 2 or 5 times a
    power of ten (or 25, 250 …), about ``count`` steps in all; a positive series whose lowest
    value is below half its highest starts at zero, so its changes are not
    exaggerated."""
    low, high = min(values), max(values)
    if Decimal(0) <= low < high * Decimal("0.5"):
        low = Decimal(0)
    if low == high:
        low, high = low - 1, high + 1
    raw = (high - low) / count
    base = Decimal(1).scaleb(raw.adjusted())
    # 2,5 only as 25, 250 …: it would give integer data a decimal on its axis.
    step = next(m * base for m in STEPS if m * base >= raw and (m != Decimal("2.5") or base >= 10))
    first = (low / step).to_integral_value(rounding=ROUND_FLOOR) * step
    last = (high / step).to_integral_value(rounding=ROUND_CEILING) * step
    ticks, value = [], first
    while value <= last:
        ticks.append(value)
        value += step
    places = max(0, -step.normalize().as_tuple().exponent)
    return ticks, places


def line_chart(series, *, years, unit, places=None):
    """series: [(label, css_class, {year: value})]. Returns what the template draws.
    Years sit at their distance from each other (a missing year leaves a gap);
    ``places`` are the decimals of the table beside the chart."""
    values = [v for _label, _css, data in series for y, v in data.items() if y in years]
    if len(years) < 2 or not values:
        return None
    ticks, tick_places = nice_ticks(values)
    low, high = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year):
        return LEFT + plot_w * (year - years[0]) / (years[-1] - years[0])

    def y(value):
        return TOP + plot_h * float((high - value) / (high - low))

    lines = []
    for label, css, data in series:
        points = [(x(year), y(data[year]), data[year], year) for year in years if year in data]
        if not points:
            continue
        lines.append({
            "label": label, "css": css,
            "points": " ".join(f"{px:.1f},{py:.1f}" for px, py, _v, _y in points),
            "dots": [{"x": f"{px:.1f}", "y": f"{py:.1f}",
                      "title": f"{label} {yr}: {_fmt(v, places)} {unit}".strip()}
                     for px, py, v, yr in points],
        })
    return {
        "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT,
        "top": TOP, "bottom": HEIGHT - BOTTOM, "lines": lines,
        "y_ticks": [{"y": f"{y(t):.1f}", "label": _fmt(t, tick_places)} for t in ticks],
        "x_ticks": [{"x": f"{x(year):.1f}", "label": str(year)} for year in years],
        "unit": unit,
    }


def compare_bars(district_name, district_values, municipality_values, *, years, unit, places=None):
    """The latest year both have: the district against the whole municipality, the
    values with the table's decimals (``places``). The labels' room is measured
    from their text so that neither a name nor a value is cut at the edge."""
    common = [y for y in years if y in district_values and y in municipality_values]
    if not common:
        return None
    year = common[-1]
    pairs = [(district_name, "series-district", district_values[year]),
             (_("Hela kommunen"), "series-municipality", municipality_values[year])]
    top = max(abs(v) for _l, _c, v in pairs) or Decimal(1)
    names = [f"{label} {year}" for label, _c, _v in pairs]
    texts = [f"{_fmt(value, places)} {unit}".strip() for _l, _c, value in pairs]
    label_w = int(max(len(n) for n in names) * CHAR_W) + 10
    value_w = int(max(len(t) for t in texts) * BOLD_CHAR_W) + 8
    bar_max, row_h = WIDTH - label_w - value_w, 34
    bars = []
    for i, ((_label, css, value), name, text) in enumerate(zip(pairs, names, texts, strict=True)):
        w = bar_max * float(abs(value) / top)
        bars.append({
            "label": name, "css": css, "y": 8 + i * row_h, "text_y": 8 + i * row_h + 17,
            "width": f"{max(w, 1):.1f}", "value_x": f"{label_w + max(w, 1) + 6:.1f}",
            "value": text,
        })
    return {"width": WIDTH, "height": 16 + len(pairs) * row_h, "label_w": label_w,
            "bars": bars, "year": year}




def year_wheel(planning_year, docs, today):
    """The årshjul: twelve months round a circle, with the due dates of the year's
    documents and the democracy committee marked (done, late or coming).

    A document due after the year (the annual report, early the next year) is not
    drawn in this year's January beside the analysis and the plan: it sits past
    December, outside the ring at the turn of the year, hollow and labelled with
    the next year; the legend says so."""
    import math
    from datetime import date

    size, centre, ring, mark = 340, 170, 120, 100

    def point(day: date, radius):
        start = date(day.year, 1, 1)
        length = (date(day.year + 1, 1, 1) - start).days
        angle = 2 * math.pi * ((day - start).days + 0.5) / length - math.pi / 2
        return centre + radius * math.cos(angle), centre + radius * math.sin(angle)

    months = []
    for i, name in enumerate(MONTHS):
        a0 = 2 * math.pi * i / 12 - math.pi / 2
        a1 = 2 * math.pi * (i + 1) / 12 - math.pi / 2
        x0, y0 = centre + ring * math.cos(a0), centre + ring * math.sin(a0)
        x1, y1 = centre + ring * math.cos(a1), centre + ring * math.sin(a1)
        mid = (a0 + a1) / 2
        months.append({
            "path": f"M{centre},{centre} L{x0:.1f},{y0:.1f} A{ring},{ring} 0 0 1 {x1:.1f},{y1:.1f} Z",
            "css": "month current" if today.year == planning_year.year and today.month == i + 1
            else ("month odd" if i % 2 else "month"),
            "lx": f"{centre + (ring + 18) * math.cos(mid):.1f}",
            "ly": f"{centre + (ring + 18) * math.sin(mid):.1f}",
            "label": name,
        })
    markers, taken = [], {}

    def place(day):
        # Documents due the same day sit side by side along the radius.
        k = taken.get(day, 0)
        taken[day] = k + 1
        return point(day, mark - 20 * k)

    after_year = []
    for doc in docs:
        due = doc.due
        state = "done" if doc.is_frozen else ("late" if doc.days_late(today) else "coming")
        if due.year == planning_year.year:
            x, y = place(due)
            markers.append({"x": f"{x:.1f}", "y": f"{y:.1f}", "css": f"marker {state}",
                            "title": f"{doc.kind_label}: {due:%Y-%m-%d}"})
            continue
        # Past December: at the top of the wheel, above the ring, side by side.
        x, y = centre + 22 * len(after_year), centre - ring - 16
        after_year.append({
            "x": f"{x:.1f}", "y": f"{y:.1f}", "css": f"marker after-year {state}",
            "kind": doc.kind_label, "due": due,
            "title": _("%(doc)s: %(d)s (nästa år)") % {"doc": doc.kind_label, "d": f"{due:%Y-%m-%d}"},
        })
    x, y = place(planning_year.committee_due)
    markers.append({"x": f"{x:.1f}", "y": f"{y:.1f}", "css": "marker committee",
                    "title": _("Demokratiberedningen: %(d)s") % {"d": f"{planning_year.committee_due:%Y-%m-%d}"}})
    hand = None
    if today.year == planning_year.year:
        hx, hy = point(today, ring)
        hand = {"x": f"{hx:.1f}", "y": f"{hy:.1f}"}
    return {"size": size, "centre": centre, "months": months, "markers": markers + after_year,
            "hand": hand, "year": str(planning_year.year), "after_year": after_year,
            "next_year": str(planning_year.year + 1), "next_year_y": f"{centre - ring - 34:.1f}"}
