"""The app's one way to write money and numbers, in Swedish (every app uses it,
and templates through ``{% load formats %}``: ``|kr`` and ``|number``)."""

from decimal import Decimal

from django.utils.formats import number_format

MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def kr(amount) -> str:
    """'12 500,50 kr' (Swedish grouping with a no-break space, decimal comma, öre
    only when there are any, a real minus sign)."""
    amount = Decimal(amount)
    sign = "−" if amount < 0 else ""
    whole, _dot, ore = f"{abs(amount):.2f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = "\u00a0".join(groups)
    return f"{sign}{text},{ore}\u00a0kr" if ore != "00" else f"{sign}{text}\u00a0kr"


def decimal_places(value: Decimal) -> int:
    """The decimals a figure needs to be shown as it is, at most two."""
    return min(2, max(0, -value.normalize().as_tuple().exponent))


def number(value, places: int | None = None) -> str:
    """Swedish number format; ``places`` keeps a table's column consistent (34,0 beside 33,6)."""
    value = Decimal(value)
    if places is None:
        places = decimal_places(value)
    return number_format(value, decimal_pos=places, force_grouping=True)
