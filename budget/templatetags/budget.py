from django import template

register = template.Library()


@register.filter
def status_badge(status):
    """The badge class of a spend request's status."""
    return {"proposed": "badge-warn", "approved": "badge", "booked": "badge-ok",
            "rejected": "badge-late", "withdrawn": "badge-muted",
            "cancelled": "badge-muted"}.get(status, "badge")
