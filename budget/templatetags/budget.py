from django import template

from budget.services import kr as format_kr

register = template.Library()


@register.filter
def kr(value):
    """12500.5 → '12 500,50 kr' (Swedish grouping, öre only when there are any)."""
    if value is None or value == "":
        return "–"
    return format_kr(value)


@register.filter
def status_badge(status):
    """The badge class of a spend request's status."""
    return {"proposed": "badge-warn", "approved": "badge", "booked": "badge-ok",
            "rejected": "badge-late", "withdrawn": "badge-muted",
            "cancelled": "badge-muted"}.get(status, "badge")
