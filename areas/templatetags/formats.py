from django import template

from areas import formats

register = template.Library()


@register.filter
def kr(value):
    """12500.5 → '12 500,50 kr' (areas.formats.kr); nothing → '–'."""
    if value is None or value == "":
        return "–"
    return formats.kr(value)


@register.filter
def number(value, places=None):
    """A figure in Swedish format (areas.formats.number); nothing → '–'."""
    if value is None or value == "":
        return "–"
    return formats.number(value, None if places in (None, "") else int(places))
