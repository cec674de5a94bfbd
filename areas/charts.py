"""The geometry that every app's server-rendered SVG charts share: round values
for an axis, linear scales from a value to a coordinate, the axes' labels, and
a line through a series with a titled dot at each point.

Each app keeps what draws its own data (planning: the statistics' lines and
bars and the year wheel; budget: the spending over the year). Coordinates are
computed in Python and drawn by templates: no JavaScript and no inline styles
(strict CSP); every chart has a table with the same numbers beside it.
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

# Rough widths of a character of the charts' 12px text (DejaVu Sans, the widest
# sans we meet): enough room is kept that no label is cut at the chart's edge.
CHAR_W, BOLD_CHAR_W = Decimal("7.2"), Decimal("7.8")
STEPS = [Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)]


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


@dataclass(frozen=True)
class Frame:
    """A chart's size and the margins its axes' labels need; the plot is what is
    left inside them. SVG's y runs downwards: a higher value is drawn higher up."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int

    def x_scale(self, low, high):
        """``low`` at the plot's left edge, ``high`` at its right edge."""
        plot_w = self.width - self.left - self.right

        def x(value) -> float:
            return self.left + plot_w * (value - low) / (high - low)

        return x

    def y_scale(self, low, high):
        """``low`` at the plot's bottom, ``high`` at its top."""
        plot_h = self.height - self.top - self.bottom

        def y(value) -> float:
            return self.top + plot_h * float((high - value) / (high - low))

        return y

    def edges(self) -> dict:
        """What the template draws the frame and the axes by."""
        return {"width": self.width, "height": self.height, "left": self.left,
                "right": self.width - self.right, "top": self.top,
                "bottom": self.height - self.bottom}


def y_axis(ticks, y, label) -> list[dict]:
    """The labels of the y axis, each at its value's height (``label(value)``)."""
    return [{"y": f"{y(tick):.1f}", "label": label(tick)} for tick in ticks]


def x_axis(points, x) -> list[dict]:
    """The labels of the x axis: ``points`` are (value, label) pairs."""
    return [{"x": f"{x(value):.1f}", "label": label} for value, label in points]


def polyline(label: str, css: str, points) -> dict:
    """A series' line through ``points`` ((x, y, title) in coordinates) with a dot
    at each, whose title says the value (the tooltip and the screen reader's text)."""
    return {
        "label": label, "css": css,
        "points": " ".join(f"{x:.1f},{y:.1f}" for x, y, _title in points),
        "dots": [{"x": f"{x:.1f}", "y": f"{y:.1f}", "title": title} for x, y, title in points],
    }
