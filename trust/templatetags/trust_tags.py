from django import template

register = template.Library()


@register.filter
def minutes(delta) -> int:
    """A timedelta in whole minutes (the lockout page's cool-off), rounded up."""
    seconds = int(delta.total_seconds()) if delta else 0
    return max(1, -(-seconds // 60))
