"""The charts of planning's own data: the statistics of a district analysis (a
line over the years, the district against the municipality in bars) and the
year wheel. The shared geometry (round ticks, scales, axes) is ``areas.charts``.
"""

import math
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from areas.charts import BOLD_CHAR_W, CHAR_W, Frame, nice_ticks, polyline, x_axis, y_axis
from areas.formats import MONTHS, number

FRAME = Frame(width=520, height=240, left=64, right=16, top=16, bottom=36)


def _fmt(value, places=None) -> str:
    return number(Decimal(value), places)


def line_chart(series, *, years, unit, places=None):
    """series: [(label, css_class, {year: value})]. Returns what the template draws.
    Years sit at their distance from each other (a missing year leaves a gap);
    ``places`` are the decimals of the table beside the chart."""
    values = [v for _label, _css, data in series for y, v in data.items() if y in years]
    if len(years) < 2 or not values:
        return None
    ticks, tick_places = nice_ticks(values)
    x = FRAME.x_scale(years[0], years[-1])
    y = FRAME.y_scale(ticks[0], ticks[-1])
    lines = []
    for label, css, data in series:
        points = [(x(year), y(data[year]), f"{label} {year}: {_fmt(data[year], places)} {unit}".strip())
                  for year in years if year in data]
        if points:
            lines.append(polyline(label, css, points))
    return {
        **FRAME.edges(), "lines": lines,
        "y_ticks": y_axis(ticks, y, lambda tick: _fmt(tick, tick_places)),
        "x_ticks": x_axis([(year, str(year)) for year in years], x),
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
    bar_max, row_h = FRAME.width - label_w - value_w, 34
    bars = []
    for i, ((_label, css, value), name, text) in enumerate(zip(pairs, names, texts, strict=True)):
        w = bar_max * float(abs(value) / top)
        bars.append({
            "label": name, "css": css, "y": 8 + i * row_h, "text_y": 8 + i * row_h + 17,
            "width": f"{max(w, 1):.1f}", "value_x": f"{label_w + max(w, 1) + 6:.1f}",
            "value": text,
        })
    return {"width": FRAME.width, "height": 16 + len(pairs) * row_h, "label_w": label_w,
            "bars": bars, "year": year}


def year_wheel(planning_year, docs, today):
    """The årshjul: twelve months round a circle, with the due dates of the year's
    documents and the democracy committee marked (done, late or coming).

    A document due after the year (the annual report, early the next year) is not
    drawn in this year's January beside the analysis and the plan: it sits past
    December, outside the ring at the turn of the year, hollow and labelled with
    the next year; the legend says so."""
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
