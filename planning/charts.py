"""Server-rendered SVG charts: coordinates computed here, drawn by templates.

No JavaScript and no inline styles (strict CSP): series are told apart by CSS
classes and by the legend; every chart has a table with the same numbers.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

WIDTH, HEIGHT = 520, 240
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 16, 36


def _fmt(value) -> str:
    from planning.statistics import format_value

    return format_value(Decimal(value))


def _nice_range(values):
    low, high = min(values), max(values)
    low = min(low, Decimal(0)) if low >= 0 and low < high * Decimal("0.5") else low
    if low == high:
        low, high = low - 1, high + 1
    pad = (high - low) * Decimal("0.1")
    return (low - pad if low != 0 else low), high + pad


def line_chart(series, *, years, unit):
    """series: [(label, css_class, {year: value})]. Returns what the template draws."""
    values = [v for _label, _css, data in series for y, v in data.items() if y in years]
    if len(years) < 2 or not values:
        return None
    low, high = _nice_range(values)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year):
        return LEFT + plot_w * (years.index(year)) / (len(years) - 1)

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
            "dots": [{"x": f"{px:.1f}", "y": f"{py:.1f}", "title": f"{label} {yr}: {_fmt(v)} {unit}"}
                     for px, py, v, yr in points],
        })
    y_ticks = []
    span = high - low
    for i in range(5):
        value = low + span * Decimal(i) / 4
        shown = round(value) if span >= 20 else round(value, 1)
        y_ticks.append({"y": f"{y(value):.1f}", "label": _fmt(shown)})
    return {
        "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT,
        "top": TOP, "bottom": HEIGHT - BOTTOM, "lines": lines, "y_ticks": y_ticks,
        "x_ticks": [{"x": f"{x(year):.1f}", "label": str(year)} for year in years],
        "unit": unit,
    }


def compare_bars(district_name, district_values, municipality_values, *, years, unit):
    """The latest year both have: the district against the whole municipality."""
    common = [y for y in years if y in district_values and y in municipality_values]
    if not common:
        return None
    year = common[-1]
    pairs = [(district_name, "series-district", district_values[year]),
             (_("Hela kommunen"), "series-municipality", municipality_values[year])]
    top = max(abs(v) for _l, _c, v in pairs) or Decimal(1)
    label_w, bar_max, row_h = 150, WIDTH - 150 - 90, 34
    bars = []
    for i, (label, css, value) in enumerate(pairs):
        w = bar_max * float(abs(value) / top)
        bars.append({
            "label": label, "css": css, "y": 8 + i * row_h, "text_y": 8 + i * row_h + 17,
            "width": f"{max(w, 1):.1f}", "value_x": f"{label_w + max(w, 1) + 6:.1f}",
            "value": f"{_fmt(value)} {unit}".strip(),
        })
    return {"width": WIDTH, "height": 16 + len(pairs) * row_h, "label_w": label_w,
            "bars": bars, "year": year}


MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def year_wheel(planning_year, docs, today):
    """The årshjul: twelve months round a circle, with the due dates of the year's
    documents and the democracy committee marked (done, late or coming)."""
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

    for doc in docs:
        due = doc.due
        on_wheel = due if due.year == planning_year.year else date(planning_year.year, due.month, due.day)
        x, y = place(on_wheel)
        state = "done" if doc.is_frozen else ("late" if doc.days_late(today) else "coming")
        markers.append({"x": f"{x:.1f}", "y": f"{y:.1f}", "css": f"marker {state}",
                        "title": f"{doc.kind_label}: {due:%Y-%m-%d}"})
    x, y = place(planning_year.committee_due)
    markers.append({"x": f"{x:.1f}", "y": f"{y:.1f}", "css": "marker committee",
                    "title": _("Demokratiberedningen: %(d)s") % {"d": f"{planning_year.committee_due:%Y-%m-%d}"}})
    hand = None
    if today.year == planning_year.year:
        hx, hy = point(today, ring)
        hand = {"x": f"{hx:.1f}", "y": f"{hy:.1f}"}
    return {"size": size, "centre": centre, "months": months, "markers": markers, "hand": hand,
            "year": str(planning_year.year)}
