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
    for i in range(5):
        value = low + (high - low) * Decimal(i) / 4
        y_ticks.append({"y": f"{y(value):.1f}", "label": _fmt(round(value, 1))})
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
